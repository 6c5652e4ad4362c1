package dev.s3notify.cli;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import java.util.function.Supplier;

/**
 * Builds a function's pipeline the way its cold start would: what fails there (a secret that cannot be read, say)
 * is configuration, exit 2, like every other start-up problem, and not a failed delivery.
 */
final class Startup {
    private Startup() {
    }

    static <T> T create(Supplier<T> pipeline) {
        try {
            return pipeline.get();
        } catch (ConfigurationException e) {
            throw e;
        } catch (S3NotifyException e) {
            throw new Failure(e);
        }
    }

    /** A function could not start for a reason other than its variables. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(S3NotifyException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
