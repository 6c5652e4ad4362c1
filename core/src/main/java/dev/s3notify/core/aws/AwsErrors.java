package dev.s3notify.core.aws;

import dev.s3notify.core.support.ErrorWords;
import dev.s3notify.core.text.SafeText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * AWS errors in words that are safe to log and to put in exception messages. AWS's own text can quote the request
 * (a SignatureDoesNotMatch answer carries the canonical request, with a session token or a presigned link's
 * signature in it): only its first line is kept, SigV4 parameters are masked, control characters dropped, and the
 * length capped.
 */
final class AwsErrors {
    private static final int MAX_CHARS = 200;

    private AwsErrors() {
    }

    /**
     * @param e what the SDK threw, or anything else
     * @return AWS's error code, HTTP status and first line of explanation; or what went wrong on the way
     */
    static String describe(Throwable e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String text = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            // AWS's own error code ("AccessDeniedException" is DynamoDB's word, not a class): what AWS documents.
            return (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")"
                    + (text == null || text.isBlank() ? "" : ": " + safe(text));
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            Optional<String> answered = AnswerBeforeTimeout.answered(e);
            if (answered.isPresent()) {
                return answered.get();
            }
            return "no answer in time" + (e.getMessage() == null ? "" : " (" + safe(e.getMessage()) + ")");
        }
        if (e instanceof SdkClientException && e.getMessage() != null
                && e.getMessage().startsWith("Unable to unmarshall response")) {
            return "the answer was cut short or was not what the API sends";
        }
        if (e instanceof SdkClientException && e.getCause() != null && e.getCause() != e) {
            Throwable cause = e.getCause();
            return cause instanceof IOException && !(cause instanceof InterruptedIOException)
                    ? "connection failed" + inWords(cause)
                    : safe(e.getMessage()) + inWords(cause);
        }
        return e.getMessage() == null ? "failed without an explanation" : safe(e.getMessage());
    }

    /**
     * @param e what escaped the SDK unwrapped: its response handling lets the url-connection client's read errors
     *     through as they are when an attempt's timeout closes the connection under a slow answer
     * @return the same failure as the SDK's own client-side error, so it is worded and retried like one
     */
    static SdkClientException cutOff(java.io.UncheckedIOException e) {
        // "Socket closed" is the JDK's word for a socket closed on our side, as the SDK's attempt timeout does.
        if ("Socket closed".equals(e.getCause() == null ? null : e.getCause().getMessage())) {
            return ApiCallAttemptTimeoutException.builder().message("the attempt's timeout closed the connection")
                    .cause(e.getCause()).build();
        }
        return SdkClientException.create("the answer was cut off", e.getCause());
    }

    /** The exception's message in brackets when it has one: never a Java class name, never the word "null". */
    private static String inWords(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + safe(e.getMessage()) + ")";
    }

    /**
     * @param e what the SDK threw
     * @return whether the same call may work later: throttling, 5xx, no answer at all
     */
    static boolean retryable(Throwable e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || service.statusCode() == 429;
        }
        return e instanceof SdkClientException;
    }

    /**
     * @param e what the SDK threw
     * @return whether AWS refused for good: 4xx other than throttling
     */
    static boolean refused(Throwable e) {
        return e instanceof AwsServiceException service && service.statusCode() >= 400
                && service.statusCode() < 500 && !retryable(e);
    }

    /** @return where the credentials chains looked, and what to do, for when none of them found any */
    static String noCredentials() {
        return "no AWS credentials found to sign with: looked at AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+"
                + " AWS_SESSION_TOKEN), the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI), and on"
                + " the command line also AWS_PROFILE's profile in the shared config and credentials files (IAM"
                + " Identity Center included), web identity and the EC2 instance metadata service. Lambda sets them"
                + " for the function's role; on the command line run 'aws sso login' or export AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY.";
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline).strip();
        // SafeText's redaction and stripping (control and bidi characters), as for every other quote; links are
        // kept whole but for their credential parameters, as AWS's text names the resource it refused.
        line = SafeText.message(SafeText.signingParameters(ErrorWords.withoutClassNames(line))).replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "...";
    }
}
