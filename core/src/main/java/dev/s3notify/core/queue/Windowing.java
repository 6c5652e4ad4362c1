package dev.s3notify.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The digest window at work ({@code DIGEST_WINDOW_SECONDS}): which of a destination's files of a batch go now and
 * which wait for the open window to close. A batch that opens the window (none was open) goes now, whole: a lone
 * upload is announced as soon as its batch is taken. Where a window is open, the files that arrived before the window
 * ahead of it closed have waited their window already (they were held for it, or failed, or were rate limited) and
 * go now; the others wait until it closes, never longer than one window, and then go together. A store that cannot
 * be reached sends the batch now: files may go in more messages, none is held for a window nobody knows of.
 *
 * @param windows where the windows are kept
 * @param length how long a window stays open; zero: none is kept and every batch goes at once
 */
public record Windowing(DigestWindows windows, Duration length) {
    /** No window: every batch is sent at once. */
    public static final Windowing OFF = new Windowing(DigestWindows.NONE, Duration.ZERO);

    /** Rejects a missing store, and a negative length. */
    public Windowing {
        Objects.requireNonNull(windows, "windows");
        if (length.isNegative()) {
            throw new IllegalArgumentException("a digest window cannot be negative: " + length);
        }
    }

    /** @return whether windows are kept at all */
    public boolean on() {
        return !length.isZero() && windows != DigestWindows.NONE;
    }

    /**
     * What one destination's files of a batch come to.
     *
     * @param now the files to send now
     * @param later the files that wait for the open window
     * @param until when the open window closes, or null when nothing waits
     */
    record Split(List<QueuedLink> now, List<QueuedLink> later, Instant until) {
        Split {
            now = List.copyOf(now);
            later = List.copyOf(later);
        }
    }

    /**
     * @param destination the destination's hash
     * @param links its files of the batch, claimed
     * @param now the time
     * @param deadline when the window's call must be over
     * @param store where a failure to reach the windows is kept, to be said once
     * @return which files go now and which wait
     */
    Split split(String destination, List<QueuedLink> links, Instant now, Instant deadline, StoreErrors store) {
        if (!on() || links.isEmpty()) {
            return new Split(links, List.of(), null);
        }
        DigestWindows.Window window;
        try {
            window = windows.open(destination, now, now.plus(length), deadline);
        } catch (RuntimeException e) {
            store.add(StoreErrors.Step.WINDOW, new Failures(links.size(), e));
            return new Split(links, List.of(), null);
        }
        if (window.opened() || window.closesAt() == null || !window.closesAt().isAfter(now)) {
            return new Split(links, List.of(), null);
        }
        List<QueuedLink> send = new ArrayList<>();
        List<QueuedLink> wait = new ArrayList<>();
        for (QueuedLink link : links) {
            Instant arrived = link.arrivedAt();
            boolean waited = window.previousClose() != null && arrived != null
                    && arrived.isBefore(window.previousClose());
            (waited ? send : wait).add(link);
        }
        // A window that says it closes later than one of ours (another clock, another setting) holds no file longer.
        Instant until = window.closesAt().isAfter(now.plus(length)) ? now.plus(length) : window.closesAt();
        return new Split(send, wait, wait.isEmpty() ? null : until);
    }
}
