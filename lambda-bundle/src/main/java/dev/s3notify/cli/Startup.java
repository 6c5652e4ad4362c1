package dev.s3notify.cli;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.function.DispatchPipeline;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Starts what a command that runs both functions needs: the dispatcher, and for S3 events the link generator
     * (after {@code linkCheck}, which may refuse it), reporting the configuration problems of all of them together.
     *
     * @param shape what the event holds
     * @param dispatcher starts the dispatcher
     * @param linkCheck what must hold before links are made, throwing a {@link ConfigurationException} otherwise
     * @param console the environment
     * @return both pipelines; no link generator for link events
     * @throws ConfigurationException listing every problem of both functions
     */
    static Pipelines both(EventFiles.Shape shape, Supplier<DispatchPipeline> dispatcher, Runnable linkCheck,
            Console console) {
        Together together = new Together();
        DispatchPipeline started = together.create(dispatcher);
        LinkBus links = null;
        if (shape == EventFiles.Shape.S3) {
            together.create(() -> {
                linkCheck.run();
                return null;
            });
            links = together.create(() -> LinkBus.start(console));
        }
        together.check();
        return new Pipelines(started, links);
    }

    /**
     * The two functions, started.
     *
     * @param dispatcher the webhook dispatcher
     * @param links the link generator over an in-memory bus, or null when the event holds link events
     */
    record Pipelines(DispatchPipeline dispatcher, LinkBus links) {
        /** @return the link events of {@code event}: made by the link generator, or the event itself */
        LinkBus.Handed linkEvents(byte[] event) {
            return links == null ? LinkBus.unchanged(event) : links.handOver(event);
        }
    }

    /**
     * Several pipelines started as one (run and preview start both functions): the configuration problems of all
     * of them are reported together, once each, so that one run lists everything to fix.
     */
    private static final class Together {
        private final Set<String> problems = new LinkedHashSet<>();

        /** @return the pipeline, or null when its configuration cannot work (its problems are kept) */
        <T> T create(Supplier<T> pipeline) {
            try {
                return Startup.create(pipeline);
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        /** @throws ConfigurationException listing every problem kept, if there is any */
        void check() {
            if (!problems.isEmpty()) {
                throw new ConfigurationException(List.copyOf(problems));
            }
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
