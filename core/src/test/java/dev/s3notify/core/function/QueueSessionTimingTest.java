package dev.s3notify.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.testing.TestFormatters;
import java.io.File;
import java.lang.reflect.Constructor;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Lambda without a delivery-records table or an index bucket (the direct path), only a standard-queue batch
 * would call AWS (visibility, dead-lettering): the dispatcher's cold start makes no AWS session for it, yet reports
 * the session's configuration problems. Whether the SDK's HTTP client class was loaded tells, in a class world of
 * its own, where nothing else has loaded it yet.
 */
class QueueSessionTimingTest {
    private static final String SDK_HTTP_CLIENT = "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";

    @TempDir
    Path classPathEntry;

    @Test
    void makesNoAwsSessionAtColdStartOnTheDirectPath() throws Exception {
        assertThat(sdkHttpClientLoadedByColdStart(Map.of())).isFalse();
    }

    @Test
    void makesItAtColdStartOnTheQueuePath() throws Exception {
        assertThat(sdkHttpClientLoadedByColdStart(Map.of("IDEMPOTENCY_TABLE", "s3-notify-deliveries"))).isTrue();
    }

    @Test
    void reportsTheSessionsProblemsAtColdStartAllTheSame() {
        Map<String, String> env = lambda(Map.of("AWS_USE_FIPS_ENDPOINT", "true",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9"));
        ClassLoader formatters = TestFormatters.loader(classPathEntry, TestFormatters.Chat.class);

        ConfigurationException e = catchThrowableOfType(() -> DispatchFunction.create(env,
                new DispatchFunction.Overrides(false, null, null, null, formatters, null)),
                ConfigurationException.class);

        assertThat(e).hasMessageContaining("AWS_USE_FIPS_ENDPOINT=true cannot be combined with AWS_ENDPOINT_URL");
    }

    private boolean sdkHttpClientLoadedByColdStart(Map<String, String> extra) throws Exception {
        try (World world = new World()) {
            Class<?> testFormatters = world.loadClass(TestFormatters.class.getName());
            Class<?> chat = world.loadClass(TestFormatters.Chat.class.getName());
            Object formatters = testFormatters.getMethod("loader", Path.class, Class[].class)
                    .invoke(null, classPathEntry, new Class<?>[] {chat});
            Class<?> overrides = world.loadClass(DispatchFunction.Overrides.class.getName());
            Constructor<?> make = overrides.getConstructors()[0];
            Object none = make.newInstance(false, null, null, null, formatters, null);
            world.loadClass(DispatchFunction.class.getName()).getMethod("create", Map.class, overrides)
                    .invoke(null, lambda(extra), none);
            return world.loaded(SDK_HTTP_CLIENT);
        }
    }

    private static Map<String, String> lambda(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "s3-notify-dispatcher");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("WEBHOOK_KIND", "chat");
        env.put("WEBHOOK_URL", "http://127.0.0.1:9/api/webhooks/42/token-0123456789abcdef");
        return env;
    }

    /** This test's class path in a loader of its own, below the platform's: nothing of it loaded yet. */
    private static final class World extends URLClassLoader {
        World() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        private static URL[] classPath() throws MalformedURLException {
            String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
            URL[] urls = new URL[entries.length];
            for (int i = 0; i < entries.length; i++) {
                urls[i] = new File(entries[i]).toURI().toURL();
            }
            return urls;
        }
    }
}
