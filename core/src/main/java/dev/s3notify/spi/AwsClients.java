package dev.s3notify.spi;

import java.net.URI;

/**
 * Core's one way of building AWS SDK clients, offered to a plugin that calls an AWS service with its own SDK module
 * (the {@code sns} formatter's {@code SnsClient}): the function's region, credentials chain, FIPS and dual-stack
 * settings, the one url-connection-client HTTP client, the standard retry mode, timeouts, bounded error bodies and
 * errors without credentials, exactly as core's own clients get them. The SPI names no SDK type, so a plugin that
 * does not call AWS never sees the SDK, and core can change its SDK version underneath the others.
 *
 * @since 3
 */
public interface AwsClients {

    /**
     * Sets a client builder up as core sets up its own, before the plugin adds what is its own and builds it.
     *
     * @param builder a synchronous client builder of the AWS SDK for Java v2, such as {@code SnsClient.builder()}
     * @param endpoint the service's own endpoint override (the {@code AWS_ENDPOINT_URL_<SERVICE>} variable the
     *     provider declares), or null for {@code AWS_ENDPOINT_URL}, else AWS's own endpoint
     * @param <B> the builder's type
     * @return the same builder
     * @throws IllegalArgumentException when it is not a synchronous AWS SDK v2 client builder
     */
    <B> B configure(B builder, URI endpoint);

    /** @return the function's region ({@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1) */
    String region();
}
