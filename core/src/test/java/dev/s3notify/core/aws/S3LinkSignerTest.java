package dev.s3notify.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.error.ConfigurationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/** Which link the SDK's presigner makes for each endpoint setting; no network is involved. */
class S3LinkSignerTest {
    private static final AwsCredentialsProvider DOC_KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

    @Test
    void theSignerThePresignerUsesMatchesTheAwsDocumentationKnownAnswer() {
        // The AWS documentation's presigned GET (examplebucket/test.txt, 2013-05-24, 86400 s), signed by the SDK's
        // SigV4 signer with the properties S3Presigner gives it: query-string auth, unsigned payload, s3 scope.
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://examplebucket.s3.amazonaws.com/test.txt")).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.request(request)
                .identity(DOC_KEYS.resolveCredentials())
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(86400))
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK,
                        Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC)));

        assertThat(signed.request().rawQueryParameters()).containsEntry("X-Amz-Signature",
                java.util.List.of("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
    }

    @Test
    void presignsTheDocumentationsObjectOnTheSameHostWithTheSameParameters() {
        Link link = signer(Map.of()).presign(object("examplebucket", "test.txt", "us-east-1"), null,
                Duration.ofSeconds(86400), Instant.now());

        assertThat(link.url()).startsWith("https://examplebucket.s3.amazonaws.com/test.txt?")
                .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256&")
                .containsPattern("X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F\\d{8}%2Fus-east-1%2Fs3%2Faws4_request")
                .contains("X-Amz-Expires=86400").contains("X-Amz-SignedHeaders=host")
                .containsPattern("X-Amz-Signature=[0-9a-f]{64}$");
    }

    @Test
    void usesTheFipsHostWhenAwsUseFipsEndpointIsTrue() {
        Link link = signer(Map.of("AWS_USE_FIPS_ENDPOINT", "true")).presign(
                object("uploads", "a b.pdf", "us-gov-west-1"), null, Duration.ofHours(1), Instant.now());

        assertThat(URI.create(link.url()).getHost()).isEqualTo("uploads.s3-fips.us-gov-west-1.amazonaws.com");
        assertThat(link.url()).contains("%2Fus-gov-west-1%2Fs3%2Faws4_request");
    }

    @Test
    void usesTheFipsHostInTheCommercialPartitionToo() {
        Link link = signer(Map.of("AWS_USE_FIPS_ENDPOINT", "true")).presign(object("uploads", "f.txt", "us-east-2"),
                null, Duration.ofHours(1), Instant.now());

        assertThat(URI.create(link.url()).getHost()).isEqualTo("uploads.s3-fips.us-east-2.amazonaws.com");
    }

    @Test
    void usesTheDualStackHostWhenAwsUseDualstackEndpointIsTrue() {
        Link link = signer(Map.of("AWS_USE_DUALSTACK_ENDPOINT", "true")).presign(
                object("uploads", "f.txt", "eu-west-3"), null, Duration.ofHours(1), Instant.now());

        assertThat(URI.create(link.url()).getHost()).isEqualTo("uploads.s3.dualstack.eu-west-3.amazonaws.com");
    }

    @ParameterizedTest
    @CsvSource({
        "eusc-de-east-1, uploads.s3.eusc-de-east-1.amazonaws.eu",
        "cn-north-1, uploads.s3.cn-north-1.amazonaws.com.cn",
        "us-gov-east-1, uploads.s3.us-gov-east-1.amazonaws.com",
        "eu-west-1, uploads.s3.eu-west-1.amazonaws.com"})
    void usesEachPartitionsDnsSuffix(String region, String host) {
        Link link = signer(Map.of()).presign(object("uploads", "f.txt", region), null, Duration.ofHours(1),
                Instant.now());

        assertThat(URI.create(link.url()).getHost()).isEqualTo(host);
        assertThat(link.url()).contains("%2F" + region + "%2Fs3%2Faws4_request");
    }

    @Test
    void putsADottedBucketInThePathOverHttps() {
        Link link = signer(Map.of()).presign(object("my.bucket", "f.txt", "eu-west-1"), null, Duration.ofHours(1),
                Instant.now());

        assertThat(link.url()).startsWith("https://s3.eu-west-1.amazonaws.com/my.bucket/f.txt?");
    }

    @Test
    void linksADirectoryBucketToItsZonalEndpointSignedForS3Express() {
        Link link = signer(Map.of()).presign(object("reports--use1-az4--x-s3", "q3.pdf", "us-east-1"), null,
                Duration.ofMinutes(10), Instant.now());

        assertThat(link.url()).startsWith(
                "https://reports--use1-az4--x-s3.s3express-use1-az4.us-east-1.amazonaws.com/q3.pdf?")
                .contains("%2Fus-east-1%2Fs3express%2Faws4_request");
    }

    @Test
    void keepsTheVersionAndTheContentDispositionAndAddsTheSessionToken() {
        AwsCredentialsProvider session = StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create("ASIA1", "s", "tok/en+="));
        S3LinkSigner signer = new S3LinkSigner(session(Map.of(), session), session, null, false);

        Link link = signer.presign(ObjectEvent.builder().bucket("uploads").key("a+b é.pdf").versionId("v+1")
                .type(EventType.CREATED).region("eu-west-1").sourceEventId("evt").build(),
                "attachment; filename=\"a+b _.pdf\"", Duration.ofHours(1), Instant.now());

        assertThat(link.url()).startsWith("https://uploads.s3.eu-west-1.amazonaws.com/a%2Bb%20%C3%A9.pdf?")
                .contains("versionId=v%2B1")
                .contains("response-content-disposition=attachment%3B%20filename%3D%22a%2Bb%20_.pdf%22")
                .contains("X-Amz-Security-Token=tok%2Fen%2B%3D");
    }

    @Test
    void failsWithWhereItLookedWhenThereAreNoCredentials() {
        AwsCredentialsProvider none = () -> {
            throw software.amazon.awssdk.core.exception.SdkClientException.create("Unable to load credentials");
        };
        S3LinkSigner signer = new S3LinkSigner(session(Map.of(), none), none, null, false);

        assertThatThrownBy(() -> signer.presign(object("uploads", "f.txt", "eu-west-1"), null, Duration.ofHours(1),
                Instant.now()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID").hasMessageContaining("AWS_PROFILE");
    }

    @Test
    void refusesFipsWithAnEndpointOverrideAtStartUp() {
        Settings settings = new Settings(Map.of("AWS_USE_FIPS_ENDPOINT", "true",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9000"));
        AwsSession.create(Map.of(), settings, DOC_KEYS);

        assertThatThrownBy(settings::validate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_USE_FIPS_ENDPOINT=true cannot be combined with AWS_ENDPOINT_URL");
    }

    private static S3LinkSigner signer(Map<String, String> env) {
        return new S3LinkSigner(session(env, DOC_KEYS), DOC_KEYS, null, false);
    }

    private static AwsSession session(Map<String, String> env, AwsCredentialsProvider credentials) {
        Map<String, String> all = new HashMap<>(env);
        return AwsSession.create(all, new Settings(all), credentials);
    }

    private static ObjectEvent object(String bucket, String key, String region) {
        return ObjectEvent.builder().bucket(bucket).key(key).type(EventType.CREATED).region(region)
                .sourceEventId("evt-1").build();
    }
}
