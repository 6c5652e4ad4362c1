package dev.s3notify.core.support;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Words for why a connection failed, for people reading an error: "connection refused", "host not found", never a
 * Java class name, and never the exception's own message (which may name an address or quote a server).
 */
public final class ConnectionErrors {
    private static final int RULES = 7;

    private ConnectionErrors() {
    }

    /**
     * @param failure what a connection threw, possibly wrapped
     * @param limit the time the request had, for a timeout's words
     * @return a short phrase saying what went wrong
     */
    public static String describe(Throwable failure, Duration limit) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 10; t = t.getCause()) {
            chain.add(t);
        }
        // The most telling cause wins: a reset deep in the chain says more than "closed" on top of it.
        for (int rule = 0; rule < RULES; rule++) {
            for (Throwable t : chain) {
                String words = words(t, rule, limit);
                if (words != null) {
                    return words;
                }
            }
        }
        return "connection failed";
    }

    private static String words(Throwable t, int rule, Duration limit) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        switch (rule) {
            case 0:
                return t instanceof UnresolvedAddressException || t instanceof UnknownHostException
                        ? "host not found" : null;
            case 1:
                if (!(t instanceof SocketTimeoutException)) {
                    return null;
                }
                return message.contains("connect") ? "could not connect in time"
                        : "no answer within " + limit.toMillis() + " ms";
            case 2:
                return t instanceof SSLHandshakeException ? "TLS handshake failed"
                        : t instanceof SSLException ? "TLS error" : null;
            case 3:
                return t instanceof NoRouteToHostException ? "no route to host"
                        : t instanceof ConnectException ? "connection refused" : null;
            case 4:
                return message.contains("reset") ? "connection reset" : null;
            case 5:
                return t instanceof ProtocolException || message.contains("invalid") ? "the answer was not valid HTTP"
                        : null;
            default:
                return t instanceof EOFException || message.contains("closed") || message.contains("eof")
                        || message.contains("no bytes") ? "connection closed before a complete answer" : null;
        }
    }
}
