package dev.s3notify.core.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * dynalite (npm, an open-source DynamoDB implementation; the Maven build installs it with npm ci) as a child
 * process on 127.0.0.1. Its command line takes no port 0, so a free port is picked first and it is started on it,
 * again on another port if that one was taken meanwhile.
 */
public final class Dynalite implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static Dynalite start() {
        Path cli = Path.of(System.getProperty("dynalite.cli", "target/dynalite/node_modules/dynalite/cli.js"));
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed at " + cli + ": run the Maven build"
                    + " (generate-test-resources runs npm ci in target/dynalite)");
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return start(cli, freePort());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Dynalite start(Path cli, int port) {
        try {
            Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0")
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String line = ready.get(30, TimeUnit.SECONDS);
            if (line == null || !line.startsWith("Dynalite listening")) {
                process.destroyForcibly();
                throw new IllegalStateException("dynalite did not start on port " + port + ": " + line);
            }
            return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("dynalite did not start: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)).build())
                .build();
    }

    /** Creates a table shaped as the template's: string partition key pk, on demand. */
    public void createTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        // dynalite answers CreateTable with CREATING and turns ACTIVE a moment later, even with --createTableMs 0:
        // a loaded machine can send the first write before that, which dynalite refuses as a missing table.
        long until = System.nanoTime() + 10_000_000_000L;
        while (dynamo.describeTable(b -> b.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("dynalite's table " + name + " did not become ACTIVE in 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(DynamoDbClient dynamo,
            String table, String pk) {
        return dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk)))).item();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
