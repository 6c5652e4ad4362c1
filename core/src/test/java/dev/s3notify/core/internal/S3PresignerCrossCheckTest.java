package dev.s3notify.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.KindSettings;
import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.LinkSettings.ContentDisposition;
import dev.s3notify.core.LinkSettings.HeadObjectMode;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Our links against the AWS SDK's S3Presigner for the same object and keys. The SDK ignores a pinned clock, so the
 * parsed parameters are compared (not whole URLs, whose date and signature differ).
 */
class S3PresignerCrossCheckTest {
    private static final AwsCredentials KEYS = new AwsCredentials("AKIAIOSFODNN7EXAMPLE",
            Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), null, null);

    @ParameterizedTest(name = "{0} {1} path-style={3}")
    @CsvSource(delimiter = '|', value = {
            "uploads    | reports/Q3 résumé 📄 + data.pdf | eu-west-3 | false | ",
            "uploads    | a+b=c&d;e,f/üñí (1)~!*'.txt      | us-east-1 | true  | ",
            "my.bucket  | deep/path/file name.txt          | us-west-2 | false | ",
            "uploads    | reports/Q3 résumé.pdf            | us-east-1 | true  | http://127.0.0.1:9000"})
    void agreesWithTheSdkPresignerOnEveryParameterButDateAndSignature(String bucket, String key, String region,
            boolean pathStyle, String endpoint) {
        URI endpointUri = endpoint == null ? null : URI.create(endpoint);
        LinkSettings settings = new LinkSettings("s3-presigned", Duration.ofSeconds(7200),
                ContentDisposition.ATTACHMENT, null, endpointUri, pathStyle, region, HeadObjectMode.NEVER, () -> KEYS,
                KindSettings.none());
        ObjectEvent event = TestSettings.created(bucket, key);
        String disposition = ContentDispositions.header(ContentDisposition.ATTACHMENT, event.fileName()).orElseThrow();

        URI ours = URI.create(new S3PresignedLinks().create(settings).generate(event, Instant.now()).url());
        URI sdks = sdkPresign(bucket, key, region, pathStyle, endpointUri, disposition);

        // For us-east-1 the SDK picks the legacy global host; we always use the regional one, which works too.
        String sdkAuthority = sdks.getRawAuthority().replace("s3.amazonaws.com", "s3.us-east-1.amazonaws.com");
        assertThat(ours.getScheme() + "://" + ours.getRawAuthority() + ours.getRawPath())
                .isEqualTo(sdks.getScheme() + "://" + sdkAuthority + sdks.getRawPath());
        Map<String, String> ourParams = params(ours);
        Map<String, String> sdkParams = params(sdks);
        for (String name : new String[] {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders",
                "X-Amz-Expires", "response-content-disposition"}) {
            assertThat(ourParams.get(name)).as(name).isNotNull().isEqualTo(sdkParams.get(name));
        }
    }

    private static URI sdkPresign(String bucket, String key, String region, boolean pathStyle, URI endpoint,
            String disposition) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEYS.accessKeyId(),
                        KEYS.secretAccessKey().reveal())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try (S3Presigner presigner = builder.build()) {
            return URI.create(presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(7200))
                    .getObjectRequest(g -> g.bucket(bucket).key(key).responseContentDisposition(disposition)))
                    .url().toString());
        }
    }

    private static Map<String, String> params(URI url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }
}
