package dev.s3notify.core.aws;

import dev.s3notify.core.support.ResponseText;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Every failed call of every client of a session, on its way out of the SDK: AWS's text (the exception's message and
 * its error details' message) loses every secret the process knows, as a webhook's reply does
 * ({@link ResponseText#withoutSecrets}), and the raw error body is dropped. The exception keeps its type, so
 * callers still tell a missing queue from a throttled call; whatever prints it later prints no secret.
 */
final class RedactedErrors implements ExecutionInterceptor {
    private final Supplier<List<String>> secrets;

    /** @param secrets the secrets known when a call fails: the environment's, and the credentials last signed with */
    RedactedErrors(Supplier<List<String>> secrets) {
        this.secrets = secrets;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        return redacted(context.exception(), secrets.get());
    }

    static Throwable redacted(Throwable e, List<String> secrets) {
        if (e instanceof AwsServiceException service && (changes(service.getMessage(), secrets)
                || service.awsErrorDetails() != null && service.awsErrorDetails().rawResponse() != null)) {
            AwsServiceException.Builder builder = service.toBuilder();
            builder.message(ResponseText.withoutSecrets(builder.message(), secrets));
            AwsErrorDetails details = service.awsErrorDetails();
            if (details != null) {
                builder.awsErrorDetails(details.toBuilder().rawResponse(null)
                        .errorMessage(ResponseText.withoutSecrets(details.errorMessage(), secrets)).build());
            }
            return builder.build();
        }
        if (e instanceof SdkException sdk && !(e instanceof AwsServiceException) && changes(e.getMessage(), secrets)) {
            SdkException.Builder builder = sdk.toBuilder();
            return builder.message(ResponseText.withoutSecrets(builder.message(), secrets)).build();
        }
        return e;
    }

    /** Whether redaction changes the text: an exception is rebuilt only then, so a subtype is never lost. */
    private static boolean changes(String text, List<String> secrets) {
        return text != null && !text.equals(ResponseText.withoutSecrets(text, secrets));
    }
}
