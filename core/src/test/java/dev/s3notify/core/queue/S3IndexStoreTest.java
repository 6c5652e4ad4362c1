package dev.s3notify.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.Link;
import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.QueueClients;
import dev.s3notify.core.aws.S3Pages;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.testing.S3ProxyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Index pages written to S3Proxy (which checks SigV4 signatures and expiry) and fetched by their link. */
class S3IndexStoreTest {
    private static final String BUCKET = "digest-index";
    private static S3ProxyServer s3;
    private static S3IndexStore store;

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1");
        AwsSession session = AwsSession.create(env, new Settings(env), s3.credentials());
        store = new S3IndexStore(new S3Pages(() -> QueueClients.s3(session, s3.endpoint(), true),
                () -> QueueClients.presigner(session, s3.endpoint(), true), BUCKET), "digests/", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesThePageAndLinksToItWithTheFilesExpiry() throws Exception {
        String html = "<!DOCTYPE html><title>2 files</title>";
        Instant expiry = Instant.now().plus(Duration.ofHours(2));

        Link link = store.publish("digest-abc.html", html, expiry, null);

        HttpResponse<String> page = get(link.url());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(html);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(link.url()).contains("/digest-index/digests/digest-abc.html?").contains("X-Amz-Expires=7200");
        assertThat(link.expiresAt()).isBetween(expiry.minusSeconds(2), expiry.plusSeconds(2));
    }

    @Test
    void signsNoLongerThanSevenDaysWhenTheFilesLinksDoNotExpire() throws Exception {
        Link link = store.publish("digest-public.html", "<p>x</p>", null, null);

        assertThat(link.url()).contains("X-Amz-Expires=604800");
        assertThat(get(link.url().replace("X-Amz-Signature=", "X-Amz-Signature=0")).statusCode()).isEqualTo(403);
    }
}
