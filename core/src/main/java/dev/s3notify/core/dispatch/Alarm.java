package dev.s3notify.core.dispatch;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends one attempt at its time limit by closing its socket, whatever the attempt is blocked in: connecting, the TLS
 * handshake, writing the request or reading the answer. Closing a socket wakes every thread blocked on it, so
 * nothing of an attempt outlives its limit. One daemon thread for the process, made on first use: it never keeps
 * the JVM from exiting.
 */
final class Alarm {
    private static final class Clock {
        static final ScheduledThreadPoolExecutor RINGER = ringer();

        private static ScheduledThreadPoolExecutor ringer() {
            ScheduledThreadPoolExecutor ringer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "s3-notify-attempt-deadline");
                thread.setDaemon(true);
                return thread;
            });
            ringer.setRemoveOnCancelPolicy(true);
            return ringer;
        }
    }

    private final ScheduledFuture<?> ringing;
    private Socket socket;
    private boolean rang;

    private Alarm(long delayNanos) {
        this.ringing = Clock.RINGER.schedule(this::ring, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /**
     * @param endNanos when the attempt ends, on {@link System#nanoTime()}
     * @return an alarm set for then, watching no socket yet
     */
    static Alarm at(long endNanos) {
        return new Alarm(endNanos - System.nanoTime());
    }

    /** @param watched the socket to close when the alarm rings; closed at once if it has rung already */
    synchronized void watch(Socket watched) {
        socket = watched;
        if (rang) {
            close(watched);
        }
    }

    /** @return whether the time ran out */
    synchronized boolean rang() {
        return rang;
    }

    /** Stops the alarm; the socket stays open. */
    void cancel() {
        ringing.cancel(false);
    }

    private synchronized void ring() {
        rang = true;
        if (socket != null) {
            close(socket);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }
}
