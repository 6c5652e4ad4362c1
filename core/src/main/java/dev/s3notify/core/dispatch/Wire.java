package dev.s3notify.core.dispatch;

import dev.s3notify.core.support.IdleConnections;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One connection to a webhook's origin: the TCP socket, and the socket requests go through (the same one over http,
 * the TLS layer over it for https). Closing the TCP socket ends whatever is blocked on either.
 */
final class Wire implements IdleConnections.Connection {
    private final Socket tcp;
    private final Socket io;
    private final InputStream in;
    private final OutputStream out;

    Wire(Socket tcp, Socket io) throws IOException {
        this.tcp = tcp;
        this.io = io;
        this.in = new BufferedInputStream(io.getInputStream(), 8192);
        this.out = io.getOutputStream();
    }

    /** @return the TCP socket, which the attempt's alarm closes */
    Socket tcp() {
        return tcp;
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    /** @return whether bytes the last answer did not account for are waiting (which forbids reusing it) */
    boolean leftover() throws IOException {
        return in.available() > 0;
    }

    /** Looks without waiting more than a millisecond: an end of stream, a byte or a failure all mean "closed". */
    @Override
    public boolean closedByPeer() {
        try {
            io.setSoTimeout(1);
            in.read();
            return true;
        } catch (SocketTimeoutException e) {
            try {
                io.setSoTimeout(0);
                return false;
            } catch (IOException failed) {
                return true;
            }
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        // The TCP socket first: closing the TLS layer alone could wait on a peer that does not read.
        try {
            tcp.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            io.close();
        } catch (IOException e) {
            // the TCP socket is closed, which is what matters
        }
    }
}
