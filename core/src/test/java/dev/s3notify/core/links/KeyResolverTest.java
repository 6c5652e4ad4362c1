package dev.s3notify.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.aws.S3Heads;
import dev.s3notify.core.config.TestSettings;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.links.LinkSettings.ContentDisposition;
import dev.s3notify.core.links.LinkSettings.HeadObjectMode;
import dev.s3notify.core.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** HeadObject against S3Proxy, which checks the header signature and knows which keys exist. */
class KeyResolverTest {
    private static final String BUCKET = "resolver";
    private static final byte[] PDF = "%PDF-1.7 not really".getBytes(StandardCharsets.UTF_8);
    private static S3ProxyServer s3;

    @BeforeAll
    static void startS3Proxy() {
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        s3.putObject(BUCKET, "reports/Q3 résumé.pdf", PDF, "application/pdf");
        s3.putObject(BUCKET, "a+b.txt", new byte[3], "text/plain");
        s3.putObject(BUCKET, "x y.txt", new byte[5], "text/plain");
    }

    @AfterAll
    static void stopS3Proxy() {
        s3.close();
    }

    @Test
    void fillsInSizeAndContentTypeWhenAlways() {
        ObjectEvent resolved = resolver(HeadObjectMode.ALWAYS)
                .resolve(TestSettings.created(BUCKET, "reports/Q3 résumé.pdf"), deadline());

        assertThat(resolved.key()).isEqualTo("reports/Q3 résumé.pdf");
        assertThat(resolved.size()).isEqualTo(PDF.length);
        assertThat(resolved.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void fallsBackToTheKeyAsReceivedWhenTheDecodedOneDoesNotExist() {
        ObjectEvent resolved = resolver(HeadObjectMode.AUTO)
                .resolve(TestSettings.event(BUCKET, "a b.txt", "a+b.txt", null), deadline());

        assertThat(resolved.key()).isEqualTo("a+b.txt");
        assertThat(resolved.undecodedKey()).isNull();
        assertThat(resolved.size()).isEqualTo(3);
    }

    @Test
    void prefersTheDecodedKeyWhenItExists() {
        ObjectEvent resolved = resolver(HeadObjectMode.AUTO)
                .resolve(TestSettings.event(BUCKET, "x y.txt", "x+y.txt", null), deadline());

        assertThat(resolved.key()).isEqualTo("x y.txt");
        assertThat(resolved.size()).isEqualTo(5);
    }

    @Test
    void failsNamingBothCandidateKeysWhenNeitherExists() {
        ObjectEvent gone = TestSettings.event(BUCKET, "gone now.txt", "gone+now.txt", null);

        assertThatThrownBy(() -> resolver(HeadObjectMode.AUTO).resolve(gone, deadline()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'gone now.txt' (decoded) or 'gone+now.txt' (as received)")
                .hasMessageContaining("deleted since")
                .hasMessageContaining("retried or parked");
    }

    @Test
    void failsNamingTheKeyWhenAlwaysFindsNoObject() {
        assertThatThrownBy(() -> resolver(HeadObjectMode.ALWAYS)
                .resolve(TestSettings.created(BUCKET, "missing.txt"), deadline()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("bucket resolver under the key 'missing.txt'");
    }

    @Test
    void explainsTheMissingPermissionWhenS3RefusesTheRequest() {
        StaticCredentialsProvider wrong = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3ProxyServer.IDENTITY, "not-the-secret"));
        LinkSettings settings = TestSettings.s3(s3.endpoint(), true, wrong, Duration.ofHours(1),
                ContentDisposition.NONE, HeadObjectMode.ALWAYS).settings();

        assertThatThrownBy(() -> KeyResolver.create(settings, heads(wrong))
                .resolve(TestSettings.created(BUCKET, "x y.txt"), deadline()))
                .isExactlyInstanceOf(S3NotifyException.class)
                .hasMessageContaining("refused (403) in bucket resolver for 'x y.txt'")
                .hasMessageContaining("s3:GetObject on arn:aws:s3:::resolver/*")
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void callsNothingOnceTheInvocationsDeadlineHasPassed() {
        assertThatThrownBy(() -> resolver(HeadObjectMode.ALWAYS)
                .resolve(TestSettings.created(BUCKET, "x y.txt"), Instant.now()))
                .isInstanceOf(S3NotifyException.class)
                .hasMessageContaining("HeadObject on s3://resolver/x y.txt failed")
                .hasMessageContaining("deadline");
    }

    /** Not an assertion on speed: the figure is for the docs (HEAD_OBJECT=always costs this per object). */
    @Test
    void measuresTheMedianHeadObjectLatency() {
        KeyResolver resolver = resolver(HeadObjectMode.ALWAYS);
        ObjectEvent event = TestSettings.created(BUCKET, "reports/Q3 résumé.pdf");
        for (int i = 0; i < 10; i++) {
            resolver.resolve(event, deadline());
        }
        long[] micros = new long[50];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            assertThat(resolver.resolve(event, deadline()).size()).isEqualTo(PDF.length);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        long[] sdkMicros = new long[50];
        for (int i = 0; i < sdkMicros.length; i++) {
            long start = System.nanoTime();
            s3.s3().headObject(b -> b.bucket(BUCKET).key("reports/Q3 résumé.pdf"));
            sdkMicros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(sdkMicros);
        System.out.printf("HeadObject (KeyResolver on the SDK) against S3Proxy on loopback: median %d us (p90 %d us)"
                + " over %d calls; the bare SDK S3 client, same server: median %d us%n", micros[25], micros[45], micros.length,
                sdkMicros[25]);
    }

    /** The invocation's deadline: HeadObject must answer before it. */
    private static Instant deadline() {
        return Instant.now().plusSeconds(30);
    }

    private static S3Heads heads(StaticCredentialsProvider credentials) {
        return new S3Heads(TestSettings.session(credentials), s3.endpoint(), true);
    }

    private static KeyResolver resolver(HeadObjectMode mode) {
        return KeyResolver.create(TestSettings.s3(s3.endpoint(), true, s3.credentials(), Duration.ofHours(1),
                ContentDisposition.NONE, mode).settings(), heads(s3.credentials()));
    }
}
