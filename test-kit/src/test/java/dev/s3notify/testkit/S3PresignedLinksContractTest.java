package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.Link;
import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.S3LinkSigner;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.links.S3PresignedLinks;
import dev.s3notify.spi.LinkGeneratorProvider;
import dev.s3notify.spi.LinkSigner;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The built-in {@code s3-presigned} kind keeps the contract, signed by core's real presigner (offline). */
class S3PresignedLinksContractTest extends LinkGeneratorContract {
    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

    @Override
    protected LinkGeneratorProvider provider() {
        return new S3PresignedLinks();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("URL_EXPIRATION_SECONDS", "3600", "LINK_CONTENT_DISPOSITION", "attachment");
    }

    @Override
    protected LinkSigner signer() {
        AwsSession session = AwsSession.create(Map.of(), new Settings(Map.of()), KEYS);
        return new S3LinkSigner(session, KEYS, null, false);
    }

    @Test
    void signsForTheConfiguredLifetimeAndAsksForADownload() {
        Link link = generator().generate(object("reports/q3.pdf", null), NOW);

        assertThat(link.url()).startsWith("https://contract-bucket.s3.amazonaws.com/reports/q3.pdf?")
                .contains("X-Amz-Expires=3600").contains("response-content-disposition=attachment");
    }
}
