package dev.s3notify.core.dispatch;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.support.ConnectionErrors;
import dev.s3notify.core.support.ResponseHeaders;
import dev.s3notify.spi.Delivery;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * One request and its answer, all of it (connecting, the TLS handshake, writing, the head and the body) within a
 * time limit: an {@link Alarm} closes the connection when the limit passes, so a server that sends the head at once
 * and then the body a byte a second cannot keep the attempt alive. Of the body, at most {@link #KEEP} bytes are
 * kept. Redirects are answers like any other: nothing is followed. The one step before the alarm can act is the
 * host name's lookup, which the JDK's resolver bounds (and caches).
 *
 * <p>A connection kept from an earlier answer is used again when the server has not closed it; one found closed is
 * dropped and a new one made, as nothing of the request was written to it. Once any of the request is written,
 * a failure is the attempt's: the request is never written again behind the caller's back, as the server may have
 * received it.
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
     * @param incomplete why the body was not read to its end or to {@link #KEEP} bytes ("the rest of the answer
     *     did not come within 2000 ms"), or null when it was
     */
    record Answer(int status, ResponseHeaders headers, byte[] body, String incomplete) {
        /** @return whether the body was read to its end, or as far as it is kept */
        boolean complete() {
            return incomplete == null;
        }
    }

    /** No answer came: the words say why ("connection refused", "no answer within 2000 ms"). */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String words) {
            super(words, null, false, false);
        }
    }

    /**
     * @param transport how to reach the webhook
     * @param target where to post
     * @param request what to post
     * @param limit how long the whole exchange may take
     * @return the answer; one whose body did not all come in time is returned with what came
     * @throws Failed when no status line came in time, or the connection failed before one
     */
    static Answer post(HttpTransport transport, URI target, WebhookRequest request, Duration limit) throws Failed {
        byte[] bytes = Http1.request(target, request);
        long end = System.nanoTime() + limit.toNanos();
        Alarm alarm = Alarm.at(end);
        Wire wire = null;
        try {
            wire = transport.reuse(target);
            if (wire == null) {
                wire = transport.open(target, alarm, end);
            } else {
                alarm.watch(wire.tcp());
            }
            wire.out().write(bytes);
            wire.out().flush();
            Http1.Head head = Http1.readHead(wire.in());
            Answer answer = body(transport, target, wire, head, alarm, limit);
            wire = null;
            return answer;
        } catch (IOException e) {
            throw new Failed(alarm.rang() ? "no answer within " + limit.toMillis() + " ms"
                    : ConnectionErrors.describe(e, limit));
        } finally {
            alarm.cancel();
            if (wire != null) {
                wire.close();
            }
        }
    }

    /**
     * One attempt through a formatter's own {@link Delivery} instead of HTTP: its answer taken as an HTTP answer
     * (no headers; the explanation as the body, at most {@link #KEEP} bytes of it), so that the sender treats it as
     * any webhook's.
     *
     * @param delivery the formatter's delivery
     * @param destination the configured destination
     * @param request what to send
     * @param limit how long the attempt may take
     * @return the answer
     * @throws Failed when no answer came, with the delivery's words
     */
    static Answer deliver(Delivery delivery, URI destination, WebhookRequest request, Duration limit) throws Failed {
        Delivery.Answer answer;
        try {
            answer = delivery.deliver(destination, request, limit);
        } catch (IOException e) {
            throw new Failed(e.getMessage() == null || e.getMessage().isBlank() ? "no answer: "
                    + e.getClass().getSimpleName() : e.getMessage());
        }
        byte[] body = answer.explanation().getBytes(StandardCharsets.UTF_8);
        return new Answer(answer.status(), ResponseHeaders.NONE, body.length <= KEEP ? body
                : Arrays.copyOf(body, KEEP), null);
    }

    /** Reads what is wanted of the body, then keeps the connection or closes it. */
    private static Answer body(HttpTransport transport, URI target, Wire wire, Http1.Head head, Alarm alarm,
            Duration limit) {
        CappedBody body = CappedBody.forStatus(head.status(), KEEP, DRAIN);
        String incomplete = null;
        boolean reusable = false;
        try {
            Http1.Body framed = Http1.body(head, wire.in());
            body.readFrom(framed.in());
            reusable = head.reusable() && framed.framed() && body.ended() && !wire.leftover();
        } catch (IOException e) {
            // The status came; the rest did not, in time or at all. What came is enough to act on.
            incomplete = alarm.rang() ? "the rest of the answer did not come within " + limit.toMillis() + " ms"
                    : "the rest of the answer was cut short: " + ConnectionErrors.describe(e, limit);
        }
        alarm.cancel();
        if (reusable && !alarm.rang()) {
            transport.keep(target, wire);
        } else {
            wire.close();
        }
        return new Answer(head.status(), head.headers(), body.kept(), incomplete);
    }
}
