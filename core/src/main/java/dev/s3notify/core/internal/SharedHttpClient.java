package dev.s3notify.core.internal;

import java.net.http.HttpClient;
import java.time.Duration;

/** One HTTP client for every AWS call: its connection pool and selector thread are made once per process. */
final class SharedHttpClient {
    private SharedHttpClient() {
    }

    private static final class Holder {
        // HTTP/1.1: S3 and the credentials endpoints speak nothing else, and h2c upgrade attempts only cost time.
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return the client, made on first use */
    static HttpClient get() {
        return Holder.CLIENT;
    }
}
