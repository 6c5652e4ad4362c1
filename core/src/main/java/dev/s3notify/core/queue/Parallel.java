package dev.s3notify.core.queue;

import dev.s3notify.core.error.S3NotifyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a batch's AWS calls (delivery records, visibility changes, dead-lettering) {@link #CALLS} at a time, and
 * never waits for them past the invocation's deadline: one DynamoDB write takes a few milliseconds, so a batch of
 * two thousand events would otherwise spend seconds on them one after the other, and a call that never answers
 * would keep the answer from Lambda. Each call is bounded by the deadline itself ({@code AwsSession.within}); what
 * has not finished when it comes is cancelled and counted failed. The threads are daemons, made on first use.
 */
final class Parallel {
    /** How many calls run at once. */
    static final int CALLS = 16;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private Parallel() {
    }

    private static final class Pool {
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(CALLS, daemons());
    }

    private static ThreadFactory daemons() {
        return work -> {
            Thread thread = new Thread(work, "queue-calls-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * @param items what to work on
     * @param work the work for one item; an exception fails only that item. Never call {@code run} from it: the
     *     pool's threads would wait on each other
     * @param deadline when to stop waiting for what has not finished, or null to wait for all
     * @param <T> the item type
     * @return how many items failed (those not finished by the deadline included), and the first reason
     */
    static <T> Failures run(List<T> items, Consumer<T> work, Instant deadline) {
        if (items.size() <= 1) {
            return inline(items, work);
        }
        List<Future<?>> futures = items.stream().<Future<?>>map(item -> Pool.EXECUTOR.submit(() -> work.accept(item)))
                .toList();
        Failures failures = Failures.NONE;
        for (Future<?> future : futures) {
            failures = failures.plus(await(future, deadline));
        }
        return failures;
    }

    private static <T> Failures inline(List<T> items, Consumer<T> work) {
        Failures failures = Failures.NONE;
        for (T item : items) {
            try {
                work.accept(item);
            } catch (RuntimeException e) {
                failures = failures.plus(new Failures(1, e));
            }
        }
        return failures;
    }

    private static Failures await(Future<?> future, Instant deadline) {
        try {
            if (deadline == null) {
                future.get();
            } else {
                future.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            }
            return Failures.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Failures(1, new S3NotifyException("interrupted while waiting for the call"));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Failures(1, new S3NotifyException("no answer before the invocation's deadline"));
        } catch (ExecutionException e) {
            return new Failures(1, e.getCause() instanceof RuntimeException r ? r
                    : new S3NotifyException("the call failed", e.getCause()));
        }
    }
}
