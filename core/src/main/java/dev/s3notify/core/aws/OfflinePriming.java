package dev.s3notify.core.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets a call run through the SDK (endpoint resolution, marshalling, signing) and stops it just before it would be
 * sent, as AWS recommends for priming before a SnapStart snapshot. The call signs with placeholder keys given with
 * the request, so no credentials are fetched, and nothing goes on the network.
 */
final class OfflinePriming implements ExecutionInterceptor {
    static final OfflinePriming INSTANCE = new OfflinePriming();
    private static final ExecutionAttribute<Boolean> PRIMING = new ExecutionAttribute<>("s3notify.offlinePriming");

    private OfflinePriming() {
    }

    /** @return a request's configuration that signs with placeholder keys and stops before sending */
    static AwsRequestOverrideConfiguration offline() {
        return AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "AKIAIOSFODNN7EXAMPLE", "placeholder-secret-for-priming")))
                .putExecutionAttribute(PRIMING, Boolean.TRUE)
                .build();
    }

    /**
     * @param call a call whose request carries {@link #offline()}
     * @param what the call, for the error when it was not stopped
     */
    static void run(Runnable call, String what) {
        try {
            call.run();
        } catch (Stopped expected) {
            return;
        } catch (SdkException e) {
            if (e.getCause() instanceof Stopped) {
                return;
            }
            throw e;
        }
        throw new IllegalStateException("priming sent a " + what + " request");
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(PRIMING))) {
            throw new Stopped();
        }
    }

    /** Thrown where the request would have been sent; no stack trace, nothing to retry. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("primed offline: the request was built and signed but not sent", null, false, false);
        }
    }
}
