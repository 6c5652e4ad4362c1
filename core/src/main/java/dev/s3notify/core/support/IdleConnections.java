package dev.s3notify.core.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Open connections waiting to be used again, by origin ({@code https://hooks.example:443}): a connection is
 * offered back only after an answer read to its end on a connection the server keeps open, and is handed out
 * again only within {@link #LONGEST_IDLE_NANOS} of that and only when it is not closed from the other side. Every
 * connection is closed by {@link #closeAll()}, which {@link SnapshotState#forget()} calls before a SnapStart
 * snapshot. Holds no thread. Thread-safe.
 */
public final class IdleConnections {
    /** How long a connection may wait: less than the idle timeouts servers commonly close on. */
    public static final long LONGEST_IDLE_NANOS = 5_000_000_000L;
    /** Connections kept per origin; one more offered closes the one idle longest. */
    static final int PER_ORIGIN = 4;

    private static final IdleConnections SHARED = new IdleConnections(System::nanoTime);

    /** A connection that can wait here. */
    public interface Connection {
        /**
         * @return whether the other side has closed it, or sent something unasked: either way it cannot carry
         *     another request. Checking must not block for more than a few milliseconds.
         */
        boolean closedByPeer();

        /** Closes it, quietly. */
        void close();
    }

    private record Idle(Connection connection, long since) {
    }

    private final Map<String, Deque<Idle>> byOrigin = new HashMap<>();
    private final LongSupplier nanos;

    IdleConnections(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** @return the process's connections, which every webhook sender shares */
    public static IdleConnections shared() {
        return SHARED;
    }

    /** @return an empty set of connections of its own, on the system's clock (tests, a sender of its own) */
    public static IdleConnections create() {
        return new IdleConnections(System::nanoTime);
    }

    /**
     * @param origin scheme, host and port
     * @param type the type of connection wanted; others are left waiting
     * @param <C> that type
     * @return the connection that waited least, when one waited less than {@link #LONGEST_IDLE_NANOS} and is still
     *     open at both ends; null otherwise. Those found too old or closed are closed and dropped.
     */
    public <C extends Connection> C take(String origin, Class<C> type) {
        List<Connection> stale = new ArrayList<>();
        C found = null;
        synchronized (this) {
            Deque<Idle> idle = byOrigin.get(origin);
            long now = nanos.getAsLong();
            while (idle != null && !idle.isEmpty() && found == null) {
                Idle newest = idle.pollLast();
                if (now - newest.since() < LONGEST_IDLE_NANOS && type.isInstance(newest.connection())) {
                    found = type.cast(newest.connection());
                } else {
                    stale.add(newest.connection());
                }
            }
            if (idle != null && idle.isEmpty()) {
                byOrigin.remove(origin);
            }
        }
        stale.forEach(Connection::close);
        if (found != null && found.closedByPeer()) {
            found.close();
            return take(origin, type);
        }
        return found;
    }

    /**
     * @param origin scheme, host and port
     * @param connection a connection whose last answer was read to its end and which the server keeps open
     */
    public void offer(String origin, Connection connection) {
        Connection dropped = null;
        synchronized (this) {
            Deque<Idle> idle = byOrigin.computeIfAbsent(origin, key -> new ArrayDeque<>());
            idle.addLast(new Idle(connection, nanos.getAsLong()));
            if (idle.size() > PER_ORIGIN) {
                dropped = idle.pollFirst().connection();
            }
        }
        if (dropped != null) {
            dropped.close();
        }
    }

    /** Closes every connection waiting here. */
    public void closeAll() {
        List<Connection> all = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Deque<Idle>> it = byOrigin.values().iterator(); it.hasNext();) {
                it.next().forEach(idle -> all.add(idle.connection()));
                it.remove();
            }
        }
        all.forEach(Connection::close);
    }

    /** @return how many connections wait, over all origins */
    synchronized int size() {
        return byOrigin.values().stream().mapToInt(Deque::size).sum();
    }
}
