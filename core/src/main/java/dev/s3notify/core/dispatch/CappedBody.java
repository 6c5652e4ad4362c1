package dev.s3notify.core.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most a few KB of an answer's body, whatever its size: an error body is kept for its explanation, up to
 * {@code keep} bytes, and the reading stops there (the connection is closed rather than drained); an accepted
 * answer's body is read and dropped, up to {@code drain} bytes, so that its connection can be reused. What was
 * read so far stays available when the rest never comes.
 */
final class CappedBody {
    private final int keep;
    private final long drain;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long read;
    private boolean ended;

    /**
     * @param keep bytes kept for an error's explanation
     * @param drain bytes read in all before giving up on the body's end (at least {@code keep})
     */
    CappedBody(int keep, long drain) {
        this.keep = keep;
        this.drain = Math.max(keep, drain);
    }

    /** @return a reader for an answer of this status: a 2xx is drained, anything else kept */
    static CappedBody forStatus(int status, int keep, long drain) {
        return status >= 200 && status < 300 ? new CappedBody(0, drain) : new CappedBody(keep, keep);
    }

    /**
     * Reads until the body ends or the cap is reached.
     *
     * @param body the body, ending where it ends
     * @return this, with what was kept
     * @throws IOException when the body could not be read to its end or the cap; what came is kept
     */
    CappedBody readFrom(InputStream body) throws IOException {
        byte[] buffer = new byte[4096];
        while (read < drain) {
            int n = body.read(buffer, 0, (int) Math.min(buffer.length, drain - read));
            if (n < 0) {
                ended = true;
                return this;
            }
            int take = (int) Math.min(n, Math.max(0, keep - read));
            kept.write(buffer, 0, take);
            read += n;
        }
        return this;
    }

    /** @return the bytes kept so far */
    byte[] kept() {
        return kept.toByteArray();
    }

    /** @return whether the body was read to its end (not only to the cap) */
    boolean ended() {
        return ended;
    }
}
