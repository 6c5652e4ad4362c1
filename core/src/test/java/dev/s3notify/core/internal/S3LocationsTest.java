package dev.s3notify.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.KindSettings;
import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.LinkSettings.ContentDisposition;
import dev.s3notify.core.LinkSettings.HeadObjectMode;
import dev.s3notify.core.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class S3LocationsTest {
    private static final AwsCredentials KEYS = new AwsCredentials("AKID", Secret.of("secret"), null, null);

    @Test
    void usesTheVirtualHostedRegionalEndpointByDefault() {
        assertThat(S3Locations.objectUrl("uploads", "reports/q3.pdf", "eu-west-3", null, false))
                .hasToString("https://uploads.s3.eu-west-3.amazonaws.com/reports/q3.pdf");
    }

    @Test
    void putsABucketWithDotsInThePathSoTheWildcardCertificateMatches() {
        assertThat(S3Locations.objectUrl("my.bucket.example", "a.txt", "us-west-2", null, false))
                .hasToString("https://s3.us-west-2.amazonaws.com/my.bucket.example/a.txt");
    }

    @Test
    void putsTheBucketInThePathWhenPathStyleIsForced() {
        assertThat(S3Locations.objectUrl("uploads", "a.txt", "us-east-1", null, true))
                .hasToString("https://s3.us-east-1.amazonaws.com/uploads/a.txt");
    }

    @Test
    void usesTheChinaPartitionDomainForChinaRegions() {
        assertThat(S3Locations.objectUrl("uploads", "a.txt", "cn-north-1", null, false))
                .hasToString("https://uploads.s3.cn-north-1.amazonaws.com.cn/a.txt");
    }

    @Test
    void encodesSpacesUnicodeAndPlusButKeepsSlashes() {
        assertThat(S3Locations.objectUrl("uploads", "reports/Q3 résumé 📄 + data.pdf", "us-east-1", null, false))
                .hasToString("https://uploads.s3.us-east-1.amazonaws.com/reports/"
                        + "Q3%20r%C3%A9sum%C3%A9%20%F0%9F%93%84%20%2B%20data.pdf");
        assertThat(S3Locations.objectUrl("uploads", "a%2Fb=c&d?e#f", "us-east-1", null, false).getRawPath())
                .isEqualTo("/a%252Fb%3Dc%26d%3Fe%23f");
    }

    @Test
    void appendsBucketAndKeyToACustomEndpointInPathStyle() {
        URI endpoint = URI.create("http://127.0.0.1:9000/");

        assertThat(S3Locations.objectUrl("uploads", "dir/a b.txt", "us-east-1", endpoint, true))
                .hasToString("http://127.0.0.1:9000/uploads/dir/a%20b.txt");
    }

    @Test
    void keepsTheBasePathOfACustomEndpoint() {
        URI endpoint = URI.create("https://storage.example.com/s3/");

        assertThat(S3Locations.objectUrl("uploads", "a.txt", "us-east-1", endpoint, true))
                .hasToString("https://storage.example.com/s3/uploads/a.txt");
    }

    @Test
    void putsTheBucketInTheHostOfACustomEndpointWithoutPathStyle() {
        URI endpoint = URI.create("https://minio.example.com:9443");

        assertThat(S3Locations.objectUrl("uploads", "a.txt", "us-east-1", endpoint, false))
                .hasToString("https://uploads.minio.example.com:9443/a.txt");
    }

    @Test
    void neverPutsTheBucketInFrontOfAnIpAddress() {
        URI endpoint = URI.create("http://127.0.0.1:9000");

        assertThat(S3Locations.objectUrl("uploads", "a.txt", "us-east-1", endpoint, false))
                .hasToString("http://127.0.0.1:9000/uploads/a.txt");
    }

    @Test
    void takesTheEventsRegionAndFallsBackToTheConfiguredOne() {
        LinkSettings settings = new LinkSettings("s3-presigned", Duration.ofHours(1), ContentDisposition.NONE, null,
                null, false, "eu-central-1", HeadObjectMode.NEVER, () -> KEYS, KindSettings.none());

        assertThat(S3Locations.objectUrl(TestSettings.event("uploads", "a.txt", null, "ap-south-1"), settings))
                .hasToString("https://uploads.s3.ap-south-1.amazonaws.com/a.txt");
        assertThat(S3Locations.objectUrl(TestSettings.event("uploads", "a.txt", null, null), settings))
                .hasToString("https://uploads.s3.eu-central-1.amazonaws.com/a.txt");
    }
}
