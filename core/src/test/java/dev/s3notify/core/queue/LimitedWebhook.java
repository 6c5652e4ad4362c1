package dev.s3notify.core.queue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A loopback webhook (127.0.0.1, ephemeral port) that enforces a platform-like limit on the simulated clock: at
 * most {@code requests} accepted per sliding {@code window}; beyond it, 429 with {@code Retry-After} (and, Discord
 * style, {@code retry_after} in the body and {@code X-RateLimit-*} headers on every answer). Each request takes
 * {@code latency} of simulated time.
 */
final class LimitedWebhook implements AutoCloseable {
    private final HttpServer server;
    private final VirtualClock clock;
    private final int requests;
    private final Duration window;
    private final Duration latency;
    private final Deque<Instant> accepted = new ArrayDeque<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<Instant> times = new ArrayList<>();
    private int tooMany;

    LimitedWebhook(VirtualClock clock, int requests, Duration window, Duration latency) {
        this.clock = clock;
        this.requests = requests;
        this.window = window;
        this.latency = latency;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            clock.advance(latency);
            int status;
            String answer;
            synchronized (this) {
                Instant now = clock.instant();
                while (!accepted.isEmpty() && !accepted.peekFirst().plus(window).isAfter(now)) {
                    accepted.pollFirst();
                }
                if (accepted.size() >= requests) {
                    tooMany++;
                    Duration wait = Duration.between(now, accepted.peekFirst().plus(window));
                    double seconds = Math.max(0.001, wait.toMillis() / 1000.0);
                    exchange.getResponseHeaders().set("Retry-After", Long.toString((long) Math.ceil(seconds)));
                    exchange.getResponseHeaders().set("X-RateLimit-Remaining", "0");
                    exchange.getResponseHeaders().set("X-RateLimit-Reset-After", Double.toString(seconds));
                    status = 429;
                    answer = "{\"message\":\"You are being rate limited.\",\"retry_after\":" + seconds
                            + ",\"global\":false}";
                } else {
                    accepted.addLast(now);
                    bodies.add(body);
                    times.add(now);
                    exchange.getResponseHeaders().set("X-RateLimit-Remaining",
                            Integer.toString(requests - accepted.size()));
                    status = 204;
                    answer = null;
                }
            }
            if (answer == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    synchronized List<Instant> times() {
        return List.copyOf(times);
    }

    synchronized int tooMany() {
        return tooMany;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
