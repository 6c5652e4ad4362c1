package dev.s3notify.core.queue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a batch's record calls {@link #CALLS} at a time: one DynamoDB write takes a few milliseconds, so a batch of
 * a thousand events would otherwise spend seconds on them one after the other. The threads are daemons, made on
 * first use.
 */
final class Parallel {
    /** How many record calls run at once. */
    static final int CALLS = 16;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private Parallel() {
    }

    private static final class Pool {
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(CALLS, daemons());
    }

    private static ThreadFactory daemons() {
        return work -> {
            Thread thread = new Thread(work, "delivery-records-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * @param items what to work on
     * @param work the work for one item; an exception fails only that item
     * @param <T> the item type
     * @return how many items failed
     */
    static <T> int run(List<T> items, Consumer<T> work) {
        if (items.size() <= 1) {
            int failed = 0;
            for (T item : items) {
                try {
                    work.accept(item);
                } catch (RuntimeException e) {
                    failed++;
                }
            }
            return failed;
        }
        List<Future<?>> futures = items.stream().<Future<?>>map(item -> Pool.EXECUTOR.submit(() -> work.accept(item)))
                .toList();
        int failed = 0;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed++;
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
            }
        }
        return failed;
    }
}
