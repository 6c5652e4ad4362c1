package dev.s3notify.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 for tests: S3Proxy run as a child process on 127.0.0.1 with a throw-away filesystem blob store. It checks
 * SigV2 and SigV4 signatures (headers and presigned query strings) and presigned expiry. Start one per test class:
 * <pre>{@code
 * static final S3ProxyServer S3 = S3ProxyServer.start();
 * @AfterAll static void stop() { S3.close(); }
 * }</pre>
 * The jar comes from the {@code s3proxy.jar} system property, which core's build sets; a module reusing this class
 * through core's test-jar copies the jar the same way and declares the SDK's {@code s3} and
 * {@code url-connection-client} test dependencies.
 */
public final class S3ProxyServer implements AutoCloseable {
    /** The access key id S3Proxy accepts. */
    public static final String IDENTITY = "s3notify-test-access-key";
    /** The secret access key S3Proxy accepts. */
    public static final String CREDENTIAL = "s3notify-test-secret-key";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path directory;
    private final Path output;
    private final URI endpoint;
    private final S3Client s3;
    private final Thread shutdownHook;

    private S3ProxyServer(Process process, Path directory, Path output, URI endpoint) {
        this.process = process;
        this.directory = directory;
        this.output = output;
        this.endpoint = endpoint;
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        this.shutdownHook = new Thread(process::destroyForcibly, "s3proxy-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts S3Proxy and waits until it accepts connections.
     *
     * @return the running server
     * @throws IllegalStateException when the jar is missing, or the server does not listen within 60 s (with the
     *     tail of its output)
     */
    public static S3ProxyServer start() {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar.toAbsolutePath()
                    + "; run the tests through Maven, which copies it at generate-test-resources");
        }
        try {
            Path directory = Files.createTempDirectory("s3proxy-");
            int port = freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = writeProperties(directory, endpoint);
            Path output = directory.resolve("s3proxy.log");
            Process process = new ProcessBuilder(javaCommand(), "-XX:TieredStopAtLevel=1", "-Xmx256m",
                    "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            awaitListening(process, port, output);
            return new S3ProxyServer(process, directory, output, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy", e);
        }
    }

    /** @return the base URL, such as {@code http://127.0.0.1:40123} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the access key id S3Proxy accepts */
    public String identity() {
        return IDENTITY;
    }

    /** @return the secret access key S3Proxy accepts */
    public String credential() {
        return CREDENTIAL;
    }

    /** @return the accepted key pair (long-term, no session token) */
    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL));
    }

    /** @return an AWS SDK S3 client for this server: path style, us-east-1, the accepted keys */
    public S3Client s3() {
        return s3;
    }

    /** @param bucket a bucket to create; an existing one is an error */
    public void createBucket(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
    }

    /**
     * @param bucket an existing bucket
     * @param key the key
     * @param bytes the content
     * @param contentType the content type stored with it
     */
    public void putObject(String bucket, String key, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    /** @return the last lines S3Proxy wrote, for a failing test's message */
    public String outputTail() {
        return tail(output);
    }

    /** Stops the server and deletes its blobs. */
    @Override
    public void close() {
        s3.close();
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook will run
        }
        deleteRecursively(directory);
    }

    private static Path writeProperties(Path directory, URI endpoint) throws IOException {
        Path blobs = Files.createDirectories(directory.resolve("blobs"));
        return Files.write(directory.resolve("s3proxy.properties"), List.of(
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + blobs), StandardCharsets.UTF_8);
    }

    private static void awaitListening(Process process, int port, Path output) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with status " + process.exitValue()
                        + " before listening on port " + port + "; its output ends with:\n" + tail(output));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen on port " + port + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s; its output ends with:\n" + tail(output));
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for S3Proxy", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
