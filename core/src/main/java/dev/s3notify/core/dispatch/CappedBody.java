package dev.s3notify.core.dispatch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most a few KB of an answer's body, whatever its size: an error body is kept for its explanation, up to
 * {@code keep} bytes, and the reading stops there (the connection is closed rather than drained); an accepted
 * answer's body is read and dropped, up to {@code drain} bytes, so that its connection can be reused. What was
 * read so far stays available when the rest never comes.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int keep;
    private final long drain;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private long read;
    private Flow.Subscription subscription;
    private boolean cancelled;

    private CappedBody(int keep, long drain) {
        this.keep = keep;
        this.drain = drain;
    }

    /**
     * @param keep bytes kept for an error's explanation
     * @param drain bytes of an accepted (2xx) answer read and dropped before giving up on reusing the connection
     * @return a handler giving each answer its subscriber, and remembering the last one
     */
    static Handler handler(int keep, long drain) {
        return new Handler(keep, drain);
    }

    /** Gives a 2xx or 3xx answer a draining subscriber and any other an error-keeping one. */
    static final class Handler implements HttpResponse.BodyHandler<byte[]> {
        private final int keep;
        private final long drain;
        final CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
        private volatile CappedBody body;

        private Handler(int keep, long drain) {
            this.keep = keep;
            this.drain = drain;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            boolean error = info.statusCode() < 200 || info.statusCode() >= 300;
            CappedBody subscriber = error ? new CappedBody(keep, keep) : new CappedBody(0, drain);
            body = subscriber;
            headers.complete(info);
            return subscriber;
        }

        /** @return the bytes kept so far, empty before the headers came */
        byte[] kept() {
            CappedBody current = body;
            return current == null ? new byte[0] : current.kept();
        }

        /** Stops reading: the connection is closed. */
        void abort() {
            CappedBody current = body;
            if (current != null) {
                current.cancel();
            }
        }
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription given) {
        subscription = given;
        if (cancelled) {
            given.cancel();
        } else {
            given.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        boolean enough;
        synchronized (this) {
            for (ByteBuffer buffer : buffers) {
                int room = keep - kept.size();
                int take = Math.min(room, buffer.remaining());
                read += buffer.remaining();
                if (take > 0) {
                    byte[] chunk = new byte[take];
                    buffer.get(chunk);
                    kept.write(chunk, 0, take);
                }
            }
            enough = read >= drain;
        }
        if (enough) {
            cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(kept());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private synchronized byte[] kept() {
        return kept.toByteArray();
    }

    private void cancel() {
        Flow.Subscription current;
        synchronized (this) {
            cancelled = true;
            current = subscription;
        }
        if (current != null) {
            current.cancel();
        }
        result.complete(kept());
    }
}
