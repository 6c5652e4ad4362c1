package dev.s3notify.core.queue;

import java.time.Instant;

/**
 * Each destination's digest window ({@code DIGEST_WINDOW_SECONDS}): the first batch for a destination is sent at once
 * and opens a window; what arrives for it while the window is open waits for the window to close and goes out then,
 * together. A window closes at its time whoever opened it, so an invocation that crashed holding one strands nothing.
 * Thread-safe.
 */
public interface DigestWindows {
    /** No windows: every batch opens its own and is sent at once (the command line, {@code DIGEST_WINDOW_SECONDS} 0). */
    DigestWindows NONE = (destination, now, closesAt, deadline) -> new Window(true, closesAt, null);

    /**
     * A destination's window, as an attempt to open it found it.
     *
     * @param opened whether the attempt opened it: the batch is sent now
     * @param closesAt when the window open now closes, or null when that could not be told (then the batch is sent
     *     now)
     * @param previousClose when the window before it closed, or null when there was none: what arrived before then
     *     has waited its window already and is sent now
     */
    record Window(boolean opened, Instant closesAt, Instant previousClose) {
    }

    /**
     * Opens the destination's window, unless one is open.
     *
     * @param destination the destination's hash
     * @param now the time
     * @param closesAt when a window opened now closes
     * @param deadline when the call must be over
     * @return whether it was opened, and the window open now
     * @throws dev.s3notify.core.error.DeliveryException ({@code STORE_UNAVAILABLE}) when the store could not be
     *     read or written, or not in time
     */
    Window open(String destination, Instant now, Instant closesAt, Instant deadline);
}
