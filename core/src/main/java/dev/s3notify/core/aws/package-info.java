/**
 * Core's AWS calls, on the AWS SDK for Java v2: the credentials chain ({@link dev.s3notify.core.aws.AwsSession}),
 * the clients built once at start-up with their region, credentials, endpoints and the one light HTTP client
 * (url-connection-client), S3 presigning and HeadObject, EventBridge PutEvents, Secrets Manager and SSM Parameter
 * Store reads (one request each signed with the SDK core's SigV4 signer, {@code SignedJsonCall}: no service module
 * of theirs), the wording of AWS errors without credentials in it, and {@link dev.s3notify.core.aws.SessionClients},
 * the same client set-up offered to plugins that call an AWS service with their own SDK module
 * ({@link dev.s3notify.spi.AwsClients}). The one package that speaks the SDK (besides
 * the functions, which build sessions): what it offers the rooms above it is in core's own types, so the SDK can
 * change underneath without breaking a plugin. Nothing here reads the process environment.
 *
 * <p>May use {@code dev.s3notify.core.config}, {@code dev.s3notify.spi}, {@code dev.s3notify.core},
 * {@code dev.s3notify.core.error}, {@code dev.s3notify.core.input}, {@code dev.s3notify.core.support},
 * {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it (checked by
 * {@code ArchitectureTest}).
 */
package dev.s3notify.core.aws;
