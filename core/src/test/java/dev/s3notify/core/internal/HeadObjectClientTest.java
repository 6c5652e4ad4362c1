package dev.s3notify.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.LinkSettings.ContentDisposition;
import dev.s3notify.core.LinkSettings.HeadObjectMode;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.S3NotifyException;
import dev.s3notify.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests HeadObject sends, and the answers S3Proxy cannot be made to give. */
class HeadObjectClientTest {
    private static final AwsCredentials SESSION = new AwsCredentials("ASIAEXAMPLE", Secret.of("secret"),
            Secret.of("the-session-token"), null);
    private final WireMockServer s3 = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        s3.start();
    }

    @AfterEach
    void stop() {
        s3.stop();
    }

    @Test
    void signsTheHeadRequestAndAsksForTheEventsVersion() {
        s3.stubFor(head(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Length", "42")
                .withHeader("Content-Type", "image/png")));
        ObjectEvent versioned = new ObjectEvent("uploads", "a b.png", null, null, "v+1", EventType.CREATED, null,
                "eu-west-3", "evt", null, null);

        ObjectEvent resolved = resolver(HeadObjectMode.ALWAYS).resolve(versioned, Instant.now());

        assertThat(resolved.size()).isEqualTo(42);
        assertThat(resolved.contentType()).isEqualTo("image/png");
        s3.verify(headRequestedFor(urlPathEqualTo("/uploads/a%20b.png"))
                .withQueryParam("versionId", equalTo("v+1"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/\\d{8}/eu-west-3/s3/"
                        + "aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,"
                        + " Signature=[0-9a-f]{64}"))
                .withHeader("x-amz-content-sha256", equalTo(HeadObjectClient.EMPTY_SHA256))
                .withHeader("x-amz-security-token", equalTo("the-session-token")));
    }

    @Test
    void sendsNoRequestForAnUnambiguousKeyInAutoMode() {
        ObjectEvent resolved = resolver(HeadObjectMode.AUTO).resolve(
                TestSettings.event("uploads", "a b.txt", "a%20b.txt".replace("%20", " "), null), Instant.now());

        assertThat(resolved.key()).isEqualTo("a b.txt");
        s3.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void takesTheDecodedKeyWithoutARequestWhenNever() {
        ObjectEvent resolved = resolver(HeadObjectMode.NEVER)
                .resolve(TestSettings.event("uploads", "a b.txt", "a+b.txt", null), Instant.now());

        assertThat(resolved.key()).isEqualTo("a b.txt");
        assertThat(resolved.undecodedKey()).isNull();
        s3.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void sendsNoRequestForAnObjectThatCannotBeDownloaded() {
        ObjectEvent deleted = new ObjectEvent("uploads", "a b.txt", null, null, null, EventType.DELETED, null, null,
                "evt", null, "a+b.txt");

        assertThat(resolver(HeadObjectMode.ALWAYS).resolve(deleted, Instant.now()).key()).isEqualTo("a b.txt");
        s3.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void reportsAnUnexpectedStatusWithTheHostOnly() {
        s3.stubFor(head(anyUrl()).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> resolver(HeadObjectMode.ALWAYS)
                .resolve(TestSettings.created("uploads", "a.txt"), Instant.now()))
                .isInstanceOf(S3NotifyException.class)
                .hasMessage("HeadObject on s3://uploads/a.txt answered HTTP 500 from 127.0.0.1");
    }

    @Test
    void namesTheBucketsRegionWhenS3RedirectsElsewhere() {
        s3.stubFor(head(anyUrl()).willReturn(aResponse().withStatus(301)
                .withHeader("x-amz-bucket-region", "ap-southeast-2")));

        assertThatThrownBy(() -> resolver(HeadObjectMode.ALWAYS)
                .resolve(TestSettings.created("uploads", "a.txt"), Instant.now()))
                .hasMessageContaining("answered HTTP 301")
                .hasMessageContaining("the bucket is in ap-southeast-2");
    }

    @Test
    void reportsAnUnreachableEndpointByHost() {
        KeyResolver resolver = resolver(HeadObjectMode.ALWAYS);
        s3.stop();

        assertThatThrownBy(() -> resolver
                .resolve(TestSettings.created("uploads", "a.txt"), Instant.now()))
                .isInstanceOf(S3NotifyException.class)
                .hasMessageStartingWith("HeadObject on s3://uploads/a.txt failed: could not reach 127.0.0.1");
    }

    private KeyResolver resolver(HeadObjectMode mode) {
        LinkSettings settings = TestSettings.s3(URI.create("http://127.0.0.1:" + s3.port()), true, SESSION, Duration.ofHours(1),
                ContentDisposition.NONE, mode);
        return KeyResolver.create(settings);
    }
}
