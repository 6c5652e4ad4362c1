package dev.s3notify.core.internal;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Words for why a connection failed, for people reading an error: "connection refused", "host not found", never a
 * Java class name, and never the exception's own message (which may name an address or quote a server).
 */
final class ConnectionErrors {
    private ConnectionErrors() {
    }

    /**
     * @param failure what the HTTP client threw, possibly wrapped
     * @param limit the time the request had, for a timeout's words
     * @return a short phrase saying what went wrong
     */
    static String describe(Throwable failure, Duration limit) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String words = words(t, limit);
            if (words != null) {
                return words;
            }
        }
        return "connection failed";
    }

    private static String words(Throwable t, Duration limit) {
        if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
            return "host not found";
        }
        if (t instanceof HttpConnectTimeoutException) {
            return "could not connect in time";
        }
        if (t instanceof HttpTimeoutException) {
            return "no answer within " + limit.toMillis() + " ms";
        }
        if (t instanceof SSLHandshakeException) {
            return "TLS handshake failed";
        }
        if (t instanceof SSLException) {
            return "TLS error";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (t instanceof ConnectException && t.getCause() == null) {
            return "connection refused";
        }
        if (t instanceof ProtocolException) {
            return "the answer was not valid HTTP";
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset";
        }
        if (t instanceof EOFException || message.contains("closed") || message.contains("eof")
                || message.contains("no bytes")) {
            return "connection closed before a complete answer";
        }
        return null;
    }
}
