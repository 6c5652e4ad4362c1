package dev.s3notify.core.aws;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * moto's stand-in AWS ({@code moto_server}, or {@code python3 -m moto.server}) on a free loopback port, for tests
 * that want AWS's real answers (core's, and adapters' through the test-jar): started by the test, stopped when closed, and the test skipped, saying why, where
 * moto is not installed ({@code pip install 'moto[server]'}).
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @return a running moto server; the calling test is skipped when none can be started */
    public static MotoServer start() throws IOException, InterruptedException {
        List<String> command = command();
        assumeTrue(command != null, "moto is not installed (no moto_server on PATH, no python3 with moto.server):"
                + " pip install 'moto[server]' to run this test");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server", ".log");
        List<String> argv = new java.util.ArrayList<>(command);
        argv.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer server = new MotoServer(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return server;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.close();
        String output = Files.readString(log);
        assumeTrue(false, "moto_server did not start within 30 s: "
                + output.substring(Math.max(0, output.length() - 500)));
        return server;
    }

    private static List<String> command() throws InterruptedException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "moto_server"))) {
                return List.of(Path.of(dir, "moto_server").toString());
            }
        }
        try {
            Process check = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return check.waitFor() == 0 ? List.of("python3", "-m", "moto.server") : null;
        } catch (IOException noPython) {
            return null;
        }
    }

    /** @return where it listens, for an endpoint override */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
