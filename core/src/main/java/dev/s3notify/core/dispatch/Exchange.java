package dev.s3notify.core.dispatch;

import dev.s3notify.core.support.ConnectionErrors;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request and its answer, all of it (connection, headers and body) within a time limit. The JDK client's
 * request timeout covers only the headers: a server that sends them at once and then the body a byte a second
 * would keep a blocking read alive for as long as it likes. Here the whole exchange is awaited with a limit,
 * and cancelled when it passes; of the body, at most {@link #KEEP} bytes are read and kept.
 */
final class Exchange {
    /** Bytes of an error body kept for its explanation. */
    static final int KEEP = 4096;
    /** Bytes of an accepted answer read to reuse its connection; a longer body closes it instead. */
    static final long DRAIN = 65_536;

    private Exchange() {
    }

    /**
     * What came back.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the start of the body: at most {@link #KEEP} bytes of an error, nothing of a 2xx
     * @param complete whether the body was read to its end within the limit
     */
    record Answer(int status, HttpHeaders headers, byte[] body, boolean complete) {
    }

    /** No answer came: the words say why ("connection refused", "no answer within 2000 ms"). */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String words) {
            super(words, null, false, false);
        }
    }

    /**
     * @param http the client
     * @param request the request, its own timeout at most {@code limit}
     * @param limit how long the whole exchange may take
     * @return the answer; one whose body did not all come in time is returned with what came
     * @throws Failed when no status line came in time, or the connection failed before one
     * @throws InterruptedException when interrupted; the exchange is cancelled
     */
    static Answer post(HttpClient http, HttpRequest request, Duration limit) throws Failed, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        CappedBody.Handler handler = CappedBody.handler(KEEP, DRAIN);
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, handler);
        HttpResponse.ResponseInfo info;
        try {
            CompletableFuture.anyOf(handler.headers, response).get(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            info = handler.headers.getNow(null);
            if (info == null) {
                response.join();
            }
        } catch (TimeoutException e) {
            cancel(handler, response);
            throw new Failed("no answer within " + limit.toMillis() + " ms");
        } catch (ExecutionException | CompletionException e) {
            throw new Failed(ConnectionErrors.describe(e.getCause(), limit));
        } catch (InterruptedException e) {
            cancel(handler, response);
            throw e;
        }
        return body(info, handler, response, end);
    }

    private static Answer body(HttpResponse.ResponseInfo info, CappedBody.Handler handler,
            CompletableFuture<HttpResponse<byte[]>> response, long end) throws InterruptedException {
        try {
            byte[] body = response.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS).body();
            return new Answer(info.statusCode(), info.headers(), body, true);
        } catch (TimeoutException | ExecutionException e) {
            // The status came; the body did not, in time or at all. What came is enough to act on.
            cancel(handler, response);
            return new Answer(info.statusCode(), info.headers(), handler.kept(), false);
        } catch (InterruptedException e) {
            cancel(handler, response);
            throw e;
        }
    }

    private static void cancel(CappedBody.Handler handler, CompletableFuture<?> response) {
        handler.abort();
        response.cancel(true);
    }
}
