package dev.s3notify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command line's JVM ends as soon as its work is done: after a real webhook POST, no thread that is not a daemon
 * is left (which would keep the JVM alive) and none is left in native code (which the JVM's exit waits up to 300
 * ms for, as it did for the JDK HTTP client's selector thread).
 */
class CommandLineExitTest {
    private HttpServer webhook;
    private final AtomicInteger posts = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
    }

    @Test
    void leavesNoThreadThatKeepsTheJvmAliveOrWaitsInNativeCodeAfterAPost() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ExitProbe.class.getName(), "send-test")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("WEBHOOK_URL", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        Process child = builder.start();

        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        List<String> printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();

        assertThat(ended).as("the JVM ended on its own, without System.exit").isTrue();
        assertThat(posts.get()).as("the message was posted").isEqualTo(1);
        assertThat(printed).contains("exit code 0");
        assertThat(printed).filteredOn(line -> line.startsWith("not a daemon: ") || line.startsWith("running: "))
                .isEmpty();
    }
}
