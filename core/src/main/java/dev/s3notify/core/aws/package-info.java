/**
 * Core's AWS calls, on the AWS SDK for Java v2: the credentials chain ({@link dev.s3notify.core.aws.AwsSession}),
 * the clients built once at start-up with their region, credentials, endpoints and the one light HTTP client
 * (url-connection-client), S3 presigning and HeadObject, EventBridge PutEvents, Secrets Manager and SSM Parameter
 * Store reads, and the wording of AWS errors without credentials in it.
 *
 * <p>Used by core's functions ({@code LinkFunction}, {@code DispatchFunction}) and core's internal pipeline pieces.
 * Never by the SPIs, adapters or plugins: they see only core's own types ({@link dev.s3notify.spi.LinkSigner},
 * {@link dev.s3notify.core.Link}, ...), so the SDK can change underneath without breaking a plugin. May use
 * {@code dev.s3notify.core}'s model and exceptions; nothing here reads the process environment: it gets the map
 * read once at the edge.
 */
package dev.s3notify.core.aws;
