package dev.s3notify.core.support;

import java.time.Duration;

/** Waits between attempts; tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** The real thing. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    /**
     * @param duration how long to wait
     * @throws InterruptedException when the thread is interrupted meanwhile
     */
    void sleep(Duration duration) throws InterruptedException;
}
