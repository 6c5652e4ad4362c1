package dev.s3notify.core.support;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that ends attempts past their time limit, for the webhook sender and the signed AWS calls alike: a
 * daemon (it never keeps the JVM from exiting), made on first use, gone after a second without work, and cancelled
 * tasks dropped at once. A task should only close or abort something: it runs on this shared thread.
 */
public final class AttemptTimer {
    private AttemptTimer() {
    }

    /**
     * @param task what ends the attempt (closing its socket, aborting its request)
     * @param delayNanos when, from now; zero or less runs it at once
     * @return the scheduled task, to cancel once the attempt is over
     */
    public static ScheduledFuture<?> after(long delayNanos, Runnable task) {
        return Pool.TIMER.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Made on the first attempt that needs it: a process that never makes one starts no thread. */
    private static final class Pool {
        static final ScheduledThreadPoolExecutor TIMER = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "s3notify-attempt-timer");
                thread.setDaemon(true);
                return thread;
            });
            timer.setKeepAliveTime(1, TimeUnit.SECONDS);
            timer.allowCoreThreadTimeOut(true);
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }
}
