package dev.s3notify.core.queue;

import dev.s3notify.core.support.Log;
import java.util.EnumMap;
import java.util.Map;

/**
 * The delivery records' failures of one invocation, by what was being done: each is said once, at ERROR, with how
 * many records or messages it concerned and the first failure's words (the table, the operation and AWS's error
 * code, or that no answer came in time), however many destinations and messages it touched. Thread-safe.
 */
final class StoreErrors {
    private static final Log LOG = Log.of(StoreErrors.class);

    /** What the records were being asked to do, and what its failure means for the messages. */
    enum Step {
        CLAIM("delivery records unavailable: messages reported for retry", "messages"),
        MARK("delivery records not marked delivered: the messages were delivered; a redelivery after their lease"
                + " lapses may post them again", "records"),
        RELEASE("delivery records not released: the messages are reported for retry and delivered once their lease"
                + " lapses", "records"),
        WINDOW("digest window unavailable: the files were sent at once, not held for a digest", "files");

        private final String words;
        private final String counted;

        Step(String words, String counted) {
            this.words = words;
            this.counted = counted;
        }
    }

    private final Map<Step, Failures> failures = new EnumMap<>(Step.class);

    /**
     * @param step what was being done
     * @param failed how many records or messages failed, and the first reason
     */
    synchronized void add(Step step, Failures failed) {
        if (failed.any()) {
            failures.merge(step, failed, Failures::plus);
        }
    }

    /** Says each step's failures, once. */
    synchronized void log() {
        failures.forEach((step, failed) -> LOG.error(step.words, step.counted, failed.count(), "error",
                DestinationRun.describe(failed.first())));
    }
}
