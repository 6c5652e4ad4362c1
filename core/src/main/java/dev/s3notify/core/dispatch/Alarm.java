package dev.s3notify.core.dispatch;

import dev.s3notify.core.support.AttemptTimer;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;

/**
 * Ends one attempt at its time limit by closing its socket, whatever the attempt is blocked in: connecting, the TLS
 * handshake, writing the request or reading the answer. Closing a socket wakes every thread blocked on it, so
 * nothing of an attempt outlives its limit. It rings on {@link AttemptTimer}'s daemon thread.
 */
final class Alarm {
    private final ScheduledFuture<?> ringing;
    private Socket socket;
    private boolean rang;

    private Alarm(long delayNanos) {
        this.ringing = AttemptTimer.after(delayNanos, this::ring);
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
