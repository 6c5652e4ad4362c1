package dev.s3notify.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4Test {
    private static final AwsCredentials DOC_KEYS = new AwsCredentials("AKIAIOSFODNN7EXAMPLE",
            Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), null, null);

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

    @Test
    void encodesEverythingButUnreservedCharacters() {
        assertThat(SigV4.encode("a b+c/d~é%", false)).isEqualTo("a%20b%2Bc/d~%C3%A9%25");
        assertThat(SigV4.encode("a/b", true)).isEqualTo("a%2Fb");
    }
}
