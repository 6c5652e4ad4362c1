package dev.s3notify.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigV4Test {
    private static final AwsCredentials DOC_KEYS = new AwsCredentials("AKIAIOSFODNN7EXAMPLE",
            Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), null, null);
    /** The keys of the AWS SigV4 test suite (get-vanilla, post-vanilla). */
    private static final AwsCredentials SUITE_KEYS = new AwsCredentials("AKIDEXAMPLE",
            Secret.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), null, null);

    @Test
    void presignMatchesTheAwsDocumentationKnownAnswer() {
        String url = SigV4.presign("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"), Map.of(),
                DOC_KEYS, "us-east-1", "s3", Instant.parse("2013-05-24T00:00:00Z"), 86400);

        assertThat(url).isEqualTo("https://examplebucket.s3.amazonaws.com/test.txt"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        "POST, 5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"})
    void signHeadersMatchesTheSigV4TestSuiteVanillaRequests(String method, String signature) {
        Map<String, String> added = SigV4.signHeaders(method, URI.create("https://example.amazonaws.com/"), Map.of(),
                SigV4.sha256Hex(new byte[0]), SUITE_KEYS, "us-east-1", "service", Instant.parse("2015-08-30T12:36:00Z"));

        assertThat(added).containsEntry("x-amz-date", "20150830T123600Z")
                .containsEntry("host", "example.amazonaws.com")
                .containsEntry("authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + signature);
    }

    @Test
    void encodesEverythingButUnreservedCharacters() {
        assertThat(SigV4.encode("a b+c/d~é%", false)).isEqualTo("a%20b%2Bc/d~%C3%A9%25");
        assertThat(SigV4.encode("a/b", true)).isEqualTo("a%2Fb");
    }
}
