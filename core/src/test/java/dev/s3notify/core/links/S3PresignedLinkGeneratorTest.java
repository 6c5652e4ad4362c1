package dev.s3notify.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.config.TestSettings;
import dev.s3notify.core.links.LinkSettings.ContentDisposition;
import dev.s3notify.core.links.LinkSettings.HeadObjectMode;
import dev.s3notify.core.testing.S3ProxyServer;
import dev.s3notify.spi.LinkGeneratorProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Presigned links checked by a real peer: S3Proxy verifies the signature and the expiry, and serves the bytes. */
class S3PresignedLinkGeneratorTest {
    private static final String BUCKET = "uploads";
    private static final String KEY = "reports/Q3 résumé 📄 + data.pdf";
    private static final byte[] CONTENT = new byte[4096];
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static S3ProxyServer s3;

    private final LinkGeneratorProvider generator = new S3PresignedLinks();

    @BeforeAll
    static void startS3Proxy() {
        new Random(42).nextBytes(CONTENT);
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        s3.putObject(BUCKET, KEY, CONTENT, "application/pdf");
    }

    @AfterAll
    static void stopS3Proxy() {
        s3.close();
    }

    @Test
    void servesTheUploadedBytesForAKeyWithSpacesUnicodeAndPlus() throws Exception {
        Link link = generate(TestSettings.created(BUCKET, KEY), settings(ContentDisposition.NONE),
                Instant.now());

        HttpResponse<byte[]> response = get(link.url());

        assertThat(response.statusCode()).as(s3.outputTail()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(CONTENT);
        assertThat(link.url()).doesNotContain("response-content-disposition");
    }

    @Test
    void makesTheBrowserDownloadUnderTheFilesOwnName() throws Exception {
        Link link = generate(TestSettings.created(BUCKET, KEY), settings(ContentDisposition.ATTACHMENT),
                Instant.now());

        HttpResponse<byte[]> response = get(link.url());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-disposition")).contains(
                "attachment; filename=\"Q3 r_sum_ _ + data.pdf\"; filename*=UTF-8''Q3%20r%C3%A9sum%C3%A9%20%F0%9F%93%84%20+%20data.pdf");
    }

    @Test
    void asksForInlineDisplayWhenConfigured() throws Exception {
        Link link = generate(TestSettings.created(BUCKET, KEY), settings(ContentDisposition.INLINE),
                Instant.now());

        HttpResponse<byte[]> response = get(link.url());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("inline; filename=\"Q3 r_sum_ _ + data.pdf\"; filename*="));
    }

    @Test
    void refusesALinkWithATamperedSignature() throws Exception {
        String url = generate(TestSettings.created(BUCKET, KEY), settings(ContentDisposition.NONE),
                Instant.now()).url();
        char last = url.charAt(url.length() - 1);
        String tampered = url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0');

        HttpResponse<byte[]> response = get(tampered);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("SignatureDoesNotMatch");
    }

    @Test
    void refusesAnExpiredLink() throws Exception {
        TestSettings.Links oneSecond = TestSettings.s3(s3.endpoint(), true, s3.credentials(), Duration.ofSeconds(1),
                ContentDisposition.NONE, HeadObjectMode.NEVER);
        Instant now = Instant.now();

        Link link = generate(TestSettings.created(BUCKET, KEY), oneSecond, now);
        Thread.sleep(2100);
        HttpResponse<byte[]> response = get(link.url());

        assertThat(link.expiresAt()).isEqualTo(now.plusSeconds(1));
        assertThat(link.url()).contains("X-Amz-Expires=1&");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Request has expired");
    }

    @Test
    void acceptsALinkSignedEarlierThatHasNotExpiredYet() throws Exception {
        Instant twentyMinutesAgo = Instant.now().minus(Duration.ofMinutes(20));

        Link link = generate(TestSettings.created(BUCKET, KEY), settings(ContentDisposition.NONE),
                twentyMinutesAgo);

        assertThat(link.expiresAt()).isEqualTo(twentyMinutesAgo.plus(Duration.ofHours(1)));
        assertThat(get(link.url()).statusCode()).isEqualTo(200);
    }

    @Test
    void signsTheSessionTokenIntoTheLink() throws Exception {
        TestSettings.Links settings = TestSettings.s3(s3.endpoint(), true, session(Instant.now().plusSeconds(7200)),
                Duration.ofHours(1), ContentDisposition.NONE, HeadObjectMode.NEVER);

        String url = generate(TestSettings.created(BUCKET, KEY), settings, Instant.now()).url();

        assertThat(url).contains("X-Amz-Security-Token=session%2Ftoken%2Bvalue%3D");
        assertThat(get(url).statusCode()).isEqualTo(200);
        assertThat(get(url.replace("token%2Bvalue", "token%2Bother")).statusCode()).isEqualTo(403);
    }

    @Test
    void reportsTheCredentialsExpiryWhenTheyEndBeforeTheLink() {
        Instant credentialsEnd = Instant.now().plusSeconds(900);
        TestSettings.Links settings = TestSettings.s3(s3.endpoint(), true, session(credentialsEnd), Duration.ofHours(1),
                ContentDisposition.NONE, HeadObjectMode.NEVER);

        Link link = generate(TestSettings.created(BUCKET, KEY), settings, Instant.now());

        assertThat(link.expiresAt()).isEqualTo(credentialsEnd);
        assertThat(link.url()).contains("X-Amz-Expires=3600&");
    }

    private static StaticCredentialsProvider session(Instant expiration) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.builder().accessKeyId(S3ProxyServer.IDENTITY)
                .secretAccessKey(S3ProxyServer.CREDENTIAL).sessionToken("session/token+value=")
                .expirationTime(expiration).build());
    }

    // S3Proxy's filesystem store has no versioning (it answers 501 to any versionId), so only the URL is checked.
    @Test
    void signsTheVersionTheEventNamesIntoTheLink() {
        ObjectEvent versioned = ObjectEvent.builder().bucket(BUCKET).key(KEY)
                .versionId("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY").type(EventType.CREATED).sourceEventId("evt").build();

        String url = generate(versioned, settings(ContentDisposition.NONE), Instant.now()).url();

        assertThat(url).contains("versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY&");
    }

    private static TestSettings.Links settings(ContentDisposition disposition) {
        return TestSettings.s3(s3.endpoint(), true, s3.credentials(), Duration.ofHours(1), disposition,
                HeadObjectMode.NEVER);
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private Link generate(ObjectEvent object, TestSettings.Links settings, Instant now) {
        return generator.create(settings.context()).generate(object, now);
    }
}
