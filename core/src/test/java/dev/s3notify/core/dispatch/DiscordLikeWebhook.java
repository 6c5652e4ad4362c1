package dev.s3notify.core.dispatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback webhook that enforces Discord's documented webhook limit strictly: at most {@code limit} requests in
 * any {@code window} (a sliding window, stricter than Discord's buckets), answering beyond it with 429, Discord's
 * {@code retry_after} JSON, {@code Retry-After} and the {@code X-RateLimit-*} headers, which it also sends on
 * every accepted request. Binds 127.0.0.1 on an ephemeral port.
 */
final class DiscordLikeWebhook implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final int limit;
    private final long windowNanos;
    private final Deque<Long> accepted = new ArrayDeque<>();
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger tooMany = new AtomicInteger();

    DiscordLikeWebhook(int limit, Duration window) throws IOException {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/webhooks/1234567890/discord-like-token";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long now = System.nanoTime();
        boolean accept;
        long resetAfter;
        int remaining;
        synchronized (accepted) {
            while (!accepted.isEmpty() && now - accepted.peekFirst() >= windowNanos) {
                accepted.removeFirst();
            }
            accept = accepted.size() < limit;
            if (accept) {
                accepted.addLast(now);
            }
            remaining = limit - accepted.size();
            resetAfter = accepted.peekFirst() + windowNanos - now;
        }
        String seconds = String.format(Locale.ROOT, "%.3f", resetAfter / 1e9);
        exchange.getResponseHeaders().add("X-RateLimit-Limit", String.valueOf(limit));
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", String.valueOf(remaining));
        exchange.getResponseHeaders().add("X-RateLimit-Reset-After", seconds);
        exchange.getResponseHeaders().add("X-RateLimit-Bucket", "0123abcd");
        if (accept) {
            delivered.add(body);
            exchange.sendResponseHeaders(204, -1);
        } else {
            tooMany.incrementAndGet();
            byte[] answer = ("{\"message\": \"You are being rate limited.\", \"retry_after\": " + seconds
                    + ", \"global\": false}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", String.valueOf((long) Math.ceil(resetAfter / 1e9)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(429, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
