import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The loopback webhook the first-post benchmark posts to: answers every POST 204, over http and over https with the
 * key in {@code <keystore.p12>} (password changeit). Prints "http-port https-port" once listening, then, for each
 * POST, when it came ({@link System#nanoTime()}, the clock a Python {@code time.monotonic_ns()} reads on Linux).
 * Usage: {@code java Webhook.java <keystore.p12>}.
 */
public final class Webhook {
    private Webhook() {
    }

    public static void main(String[] args) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer http = HttpServer.create(loopback, 50);
        HttpsServer https = HttpsServer.create(loopback, 50);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        for (HttpServer server : new HttpServer[] {http, https}) {
            server.createContext("/", Webhook::answer);
            server.start();
        }
        System.out.println(http.getAddress().getPort() + " " + https.getAddress().getPort());
        System.out.flush();
    }

    private static void answer(HttpExchange exchange) throws java.io.IOException {
        long came = System.nanoTime();
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        synchronized (System.out) {
            System.out.println(came);
            System.out.flush();
        }
    }
}
