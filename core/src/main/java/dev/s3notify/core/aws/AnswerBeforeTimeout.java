package dev.s3notify.core.aws;

import java.util.Optional;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Keeps what the service answered last, so that a call whose time runs out while the SDK waits to retry says what
 * happened instead of "no answer in time": a 429 asking with {@code Retry-After: 86400} for a day's wait is
 * throttling, and the user is told so, with the wait asked for. One instance serves every client.
 */
final class AnswerBeforeTimeout implements ExecutionInterceptor {
    static final AnswerBeforeTimeout INSTANCE = new AnswerBeforeTimeout();
    private static final ExecutionAttribute<SdkHttpResponse> LAST = new ExecutionAttribute<>("s3notify.lastAnswer");
    private static final int RETRY_AFTER_LIMIT = 40;

    private AnswerBeforeTimeout() {
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes executionAttributes) {
        executionAttributes.putAttribute(LAST, context.httpResponse());
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        Throwable e = context.exception();
        SdkHttpResponse last = executionAttributes.getAttribute(LAST);
        if (last == null || last.isSuccessful()) {
            return e;
        }
        // The SDK takes back only an exception of the same class: the answer rides along as its cause.
        if (e instanceof ApiCallTimeoutException) {
            return ApiCallTimeoutException.builder().message(e.getMessage()).cause(new Answered(words(last), e))
                    .build();
        }
        if (e instanceof ApiCallAttemptTimeoutException) {
            return ApiCallAttemptTimeoutException.builder().message(e.getMessage())
                    .cause(new Answered(words(last), e)).build();
        }
        return e;
    }

    /**
     * @param timeout a call's or an attempt's timeout
     * @return what the service answered before it, in words, when it answered at all
     */
    static Optional<String> answered(Throwable timeout) {
        return timeout.getCause() instanceof Answered answered ? Optional.of(answered.getMessage())
                : Optional.empty();
    }

    /** @return {@code throttled: the last answer was HTTP 429, asking to wait 86400 s (Retry-After); ...} */
    static String words(SdkHttpResponse last) {
        int status = last.statusCode();
        Optional<String> retryAfter = last.firstMatchingHeader("Retry-After").map(AwsErrors::safe)
                .filter(value -> !value.isBlank());
        String wait = retryAfter.map(value -> ", asking to wait " + (value.length() > RETRY_AFTER_LIMIT
                ? value.substring(0, RETRY_AFTER_LIMIT) + "..." : value) + (value.matches("[0-9]+") ? " s" : "")
                + " (Retry-After)").orElse("");
        String what = status == 429 ? "throttled" : status >= 500 ? "the service failed" : "refused";
        return what + ": the last answer was HTTP " + status + wait + ", and the call's time ran out before it could"
                + " be tried again";
    }

    /** What the service answered before a timeout: carried as the timeout's cause, without a stack trace. */
    private static final class Answered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Answered(String words, Throwable timeout) {
            super(words, timeout, false, false);
        }
    }
}
