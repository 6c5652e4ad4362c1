package dev.s3notify.core.support;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * One HTTP client for every AWS call: its connection pool and selector thread are made once per process, and made
 * again by {@link #reset()}, so that no pooled connection outlives a SnapStart snapshot.
 */
public final class SharedHttpClient {
    private static volatile HttpClient client;

    private SharedHttpClient() {
    }

    /** @return the client, made on first use */
    public static HttpClient get() {
        HttpClient current = client;
        if (current != null) {
            return current;
        }
        synchronized (SharedHttpClient.class) {
            if (client == null) {
                client = build();
            }
            return client;
        }
    }

    /**
     * Replaces the client with a new one, without connections: made now, so that a SnapStart snapshot holds a ready
     * client, but none of the connections the old one pooled (a restored environment cannot use them).
     */
    static void reset() {
        HttpClient fresh = build();
        synchronized (SharedHttpClient.class) {
            client = fresh;
        }
    }

    // HTTP/1.1: S3 and the credentials endpoints speak nothing else, and h2c upgrade attempts only cost time.
    private static HttpClient build() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
