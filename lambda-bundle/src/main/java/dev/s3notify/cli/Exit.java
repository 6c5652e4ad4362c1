package dev.s3notify.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ends the command line's JVM without the wait its HTTP clients would cost. A JVM that exits waits up to 300 ms for
 * every thread still in native code, and the selector thread of each {@code java.net.http.HttpClient} sits in
 * {@code epoll_wait} until its client is closed, which Java 17 has no method for. Interrupting that thread ends it
 * (its loop stops on interrupt); the work is done and printed by then, so there is nothing left for it to carry.
 */
final class Exit {
    /** How the JDK names a client's selector thread: {@code HttpClient-<n>-SelectorManager}. */
    private static final String SELECTOR_SUFFIX = "-SelectorManager";
    private static final long JOIN_MILLIS = 100;

    private Exit() {
    }

    /** @param code the exit code */
    static void now(int code) {
        System.out.flush();
        System.err.flush();
        stopHttpClientSelectors(Thread.getAllStackTraces().keySet());
        System.exit(code);
    }

    /**
     * Interrupts the HTTP clients' selector threads among those given and waits a little for each to end.
     *
     * @param threads the threads to look at (at exit: all of them)
     * @return the threads interrupted
     */
    static List<Thread> stopHttpClientSelectors(Collection<Thread> threads) {
        List<Thread> stopped = new ArrayList<>();
        for (Thread thread : threads) {
            String name = thread.getName();
            if (name.startsWith("HttpClient-") && name.endsWith(SELECTOR_SUFFIX)) {
                thread.interrupt();
                stopped.add(thread);
            }
        }
        for (Thread thread : stopped) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return stopped;
    }
}
