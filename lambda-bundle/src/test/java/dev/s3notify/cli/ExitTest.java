package dev.s3notify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the command line does just before the JVM exits. */
class ExitTest {
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    // Only threads this test made are offered: other tests' clients in this JVM must keep working.
    @Test
    void endsTheSelectorThreadOfAnHttpClientThatWasUsedAndLeftOpen() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        assertThat(client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(204);
        List<Thread> mine = selectors().stream().filter(t -> !before.contains(t)).toList();
        assertThat(mine).as("the client's selector thread runs").hasSize(1);

        List<Thread> stopped = Exit.stopHttpClientSelectors(mine);

        assertThat(stopped).isEqualTo(mine);
        assertThat(mine).noneMatch(Thread::isAlive);
    }

    @Test
    void leavesOtherThreadsAlone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "SelectorManager-lookalike");
        other.start();
        try {
            assertThat(Exit.stopHttpClientSelectors(List.of(other))).isEmpty();

            assertThat(other.isAlive()).isTrue();
            assertThat(other.isInterrupted()).isFalse();
        } finally {
            release.countDown();
            other.join();
        }
    }

    private static List<Thread> selectors() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches("HttpClient-\\d+-SelectorManager") && t.isAlive()).toList();
    }
}
