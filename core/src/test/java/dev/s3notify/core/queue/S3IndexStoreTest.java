package dev.s3notify.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.s3notify.core.Link;
import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.QueueClients;
import dev.s3notify.core.aws.S3LinkSigner;
import dev.s3notify.core.aws.S3Pages;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.testing.S3ProxyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Index pages written to S3Proxy (which checks SigV4 signatures and expiry) and fetched by their link. */
class S3IndexStoreTest {
    private static final String BUCKET = "digest-index";
    private static final Pattern EXPIRES = Pattern.compile("X-Amz-Expires=([0-9]+)");
    private static S3ProxyServer s3;
    private static AwsSession session;
    private static S3IndexStore store;

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1");
        session = AwsSession.create(env, new Settings(env), s3.credentials());
        store = store(BUCKET, s3.credentials());
    }

    private static S3IndexStore store(String bucket, AwsCredentialsProvider signWith) {
        return new S3IndexStore(new S3Pages(() -> QueueClients.s3(session, s3.endpoint(), true),
                new S3LinkSigner(session, signWith, s3.endpoint(), true), bucket), "digests/", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long expires(Link link) {
        Matcher m = EXPIRES.matcher(link.url());
        assertThat(m.find()).as("X-Amz-Expires in the link").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void writesThePageAndLinksToItUntilTheFilesLinksExpireAndNoLater() throws Exception {
        String html = "<!DOCTYPE html><title>2 files</title>";
        Instant expiry = Instant.now().plus(Duration.ofHours(2));

        Link link = store.publish("digest-abc.html", html, expiry, null);

        HttpResponse<String> page = get(link.url());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(html);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(link.url()).contains("/digest-index/digests/digest-abc.html?");
        assertThat(expires(link)).isBetween(7_190L, 7_200L);
        assertThat(link.expiresAt()).isBetween(expiry.minusSeconds(10), expiry);
    }

    @Test
    void signsNoLongerThanSevenDaysWhenTheFilesLinksDoNotExpire() throws Exception {
        Link link = store.publish("digest-public.html", "<p>x</p>", null, null);

        assertThat(link.url()).contains("X-Amz-Expires=604800");
        assertThat(get(link.url().replace("X-Amz-Signature=", "X-Amz-Signature=0")).statusCode()).isEqualTo(403);
    }

    @Test
    void neverOutlivesAFileLinkThatEndsWithinAMinute() throws Exception {
        Instant expiry = Instant.now().plusSeconds(20);

        Link link = store.publish("digest-soon.html", "<p>soon</p>", expiry, null);

        assertThat(expires(link)).isBetween(1L, 20L);
        assertThat(link.expiresAt()).isBeforeOrEqualTo(expiry);
        assertThat(get(link.url()).statusCode()).isEqualTo(200);
    }

    @Test
    void writesNoPageWhenAFilesLinkHasExpiredAlready() {
        Link link = store.publish("digest-late.html", "<p>late</p>", Instant.now().minusSeconds(3_600), null);

        assertThat(link).isNull();
        assertThat(s3.s3().listObjectsV2(b -> b.bucket(BUCKET).prefix("digests/digest-late")).contents()).isEmpty();
    }

    @Test
    void claimsNoLongerThanTheCredentialsThatSignItLast() {
        Instant sessionEnd = Instant.now().plus(Duration.ofHours(1));
        AwsCredentialsProvider role = () -> AwsSessionCredentials.builder().accessKeyId(s3.identity())
                .secretAccessKey(s3.credential()).sessionToken("session-token").expirationTime(sessionEnd).build();

        Link link = store(BUCKET, role).publish("digest-role.html", "<p>x</p>", Instant.now().plus(Duration.ofDays(6)),
                null);

        assertThat(expires(link)).isBetween(3_590L, 3_600L);
        assertThat(link.expiresAt()).isBeforeOrEqualTo(sessionEnd);
    }

    @Test
    void failsNamingTheBucketAndAwsCodeWhenThePageCannotBeWritten() {
        Throwable failure = catchThrowable(() -> store("no-such-index-bucket", s3.credentials())
                .publish("digest-x.html", "<p>x</p>", null, null));

        assertThat(failure).isInstanceOf(S3NotifyException.class).hasMessageContaining("no-such-index-bucket")
                .hasMessageContaining("NoSuchBucket");
    }
}
