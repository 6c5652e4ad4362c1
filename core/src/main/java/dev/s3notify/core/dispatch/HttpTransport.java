package dev.s3notify.core.dispatch;

import dev.s3notify.core.support.IdleConnections;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * How the sender reaches a webhook: a plain {@link Socket}, with TLS over it for https (the JDK's default trust and
 * protocols, the host name sent by SNI and checked against the certificate as HTTPS does), and connections kept
 * for reuse in {@link IdleConnections}. TLS is set up on the first https request, never for http. No thread of its
 * own. Thread-safe.
 */
final class HttpTransport {
    /** The longest a TCP connect may take, when the attempt has longer. */
    static final int CONNECT_MILLIS = 3000;
    private static final HttpTransport SHARED = new HttpTransport(IdleConnections.shared(), null);

    private final IdleConnections idle;
    private final SSLContext given;
    private volatile SSLSocketFactory tls;

    private HttpTransport(IdleConnections idle, SSLContext given) {
        this.idle = idle;
        this.given = given;
    }

    /** @return the process's transport: the shared idle connections and the JDK's default TLS */
    static HttpTransport shared() {
        return SHARED;
    }

    /**
     * @param context the TLS to use (a test's own trust), or null for the JDK's default
     * @return a transport with idle connections of its own
     */
    static HttpTransport create(SSLContext context) {
        return new HttpTransport(IdleConnections.create(), context);
    }

    /** @return the connections it keeps for reuse */
    IdleConnections idle() {
        return idle;
    }

    /**
     * @param target where the request goes
     * @return a connection to its origin that waited less than the pool allows and is still open, or null
     */
    Wire reuse(URI target) {
        return idle.take(origin(target), Wire.class);
    }

    /** @param wire a connection whose answer was read to its end and which the server keeps open */
    void keep(URI target, Wire wire) {
        idle.offer(origin(target), wire);
    }

    /**
     * @param target where the request goes (http or https)
     * @param alarm the attempt's alarm, which is given the socket before anything blocks on it
     * @param endNanos when the attempt ends
     * @return a new connection, the TLS handshake done
     * @throws IOException when it cannot be made
     */
    Wire open(URI target, Alarm alarm, long endNanos) throws IOException {
        String host = bare(target.getHost());
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        int port = target.getPort() != -1 ? target.getPort() : https ? 443 : 80;
        Socket tcp = new Socket();
        alarm.watch(tcp);
        try {
            tcp.setTcpNoDelay(true);
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new UnknownHostException("not resolved");
            }
            long left = Math.max(1, (endNanos - System.nanoTime()) / 1_000_000);
            tcp.connect(address, (int) Math.min(left, CONNECT_MILLIS));
            if (!https) {
                return new Wire(tcp, tcp);
            }
            SSLSocket ssl = (SSLSocket) tls().createSocket(tcp, host, port, true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!literal(host)) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            ssl.setSSLParameters(parameters);
            ssl.startHandshake();
            return new Wire(tcp, ssl);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    /**
     * Sets TLS up now (reading the JDK's CA certificates), for a SnapStart snapshot to hold it ready; a failure is
     * left for the first https request to report.
     */
    void prepareTls() {
        try {
            tls();
        } catch (SSLException e) {
            // the first https request says it, in words
        }
    }

    /** @return whether TLS is set up */
    boolean tlsReady() {
        return tls != null;
    }

    private SSLSocketFactory tls() throws SSLException {
        SSLSocketFactory factory = tls;
        if (factory == null) {
            try {
                factory = (given != null ? given : SSLContext.getDefault()).getSocketFactory();
            } catch (NoSuchAlgorithmException e) {
                throw new SSLException("no TLS", e);
            }
            tls = factory;
        }
        return factory;
    }

    /** @return scheme, host and port: what a connection can be reused for */
    static String origin(URI target) {
        return target.getScheme().toLowerCase(Locale.ROOT) + "://" + target.getHost().toLowerCase(Locale.ROOT) + ":"
                + target.getPort();
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An IP address, to which SNI does not apply. */
    private static boolean literal(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
