package dev.s3notify.core.internal;

import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.ConfigurationException;
import dev.s3notify.core.CredentialsProvider;
import dev.s3notify.core.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where AWS credentials come from, in the AWS SDK's order minus what a Lambda function never uses: the environment
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), then the container
 * credentials endpoint (Lambda SnapStart, ECS, EKS Pod Identity). Nothing is fetched before the first call, so a
 * SnapStart snapshot never holds credentials.
 */
public final class Credentials {
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    static final String FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    static final String TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    static final String TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
    static final String ECS_HOST = "http://169.254.170.2";
    /** Hosts the SDK lets a plain-http full URI name: loopback and the ECS and EKS link-local agents. */
    private static final Set<String> HTTP_HOSTS = Set.of("localhost", "169.254.170.2", "169.254.170.23",
            "[fd00:ec2::23]", "[::1]");

    private Credentials() {
    }

    /**
     * @param env the environment, read once at the edge
     * @return a provider that finds credentials on first use and refreshes temporary ones; its
     *     {@link CredentialsProvider#credentials()} throws a {@link ConfigurationException} naming the variables it
     *     looked at when none is set
     */
    public static CredentialsProvider defaultChain(Map<String, String> env) {
        return defaultChain(env, SharedHttpClient::get, Clock.systemUTC());
    }

    static CredentialsProvider defaultChain(Map<String, String> env, Supplier<HttpClient> http, Clock clock) {
        String accessKeyId = value(env, ACCESS_KEY_ID);
        String secretKey = value(env, SECRET_ACCESS_KEY);
        if (accessKeyId != null && secretKey != null) {
            String token = value(env, SESSION_TOKEN);
            AwsCredentials fixed = new AwsCredentials(accessKeyId, Secret.of(secretKey),
                    token == null ? null : Secret.of(token), null);
            return () -> fixed;
        }
        String full = value(env, FULL_URI);
        String relative = value(env, RELATIVE_URI);
        if (full == null && relative == null) {
            String problem = nothingFound(accessKeyId != null, secretKey != null);
            return () -> {
                throw new ConfigurationException(problem);
            };
        }
        URI endpoint;
        try {
            endpoint = full != null ? checkedFullUri(full) : URI.create(ECS_HOST + relative);
        } catch (ConfigurationException e) {
            return () -> {
                throw e;
            };
        }
        return new ContainerCredentialsProvider(endpoint, token(env), http, clock);
    }

    private static String nothingFound(boolean hasKeyId, boolean hasSecret) {
        String partial = hasKeyId ? " (" + ACCESS_KEY_ID + " is set but " + SECRET_ACCESS_KEY + " is not)"
                : hasSecret ? " (" + SECRET_ACCESS_KEY + " is set but " + ACCESS_KEY_ID + " is not)" : "";
        return "no AWS credentials found: looked at " + ACCESS_KEY_ID + " + " + SECRET_ACCESS_KEY + " (+ "
                + SESSION_TOKEN + ")" + partial + ", then " + FULL_URI + " and " + RELATIVE_URI
                + ", none of which is set. Lambda sets them for the function's role; elsewhere export "
                + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + ".";
    }

    private static URI checkedFullUri(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(FULL_URI + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https")
                || scheme.equals("http") && (host.startsWith("127.") || HTTP_HOSTS.contains(host));
        if (!allowed || host.isEmpty()) {
            throw new ConfigurationException(FULL_URI + " names the host '" + host + "'; the credentials endpoint"
                    + " must be https, or http on a loopback address, 169.254.170.2 or 169.254.170.23");
        }
        return uri;
    }

    /** The token is read on every fetch: an agent may rotate the file. */
    private static Supplier<String> token(Map<String, String> env) {
        String file = value(env, TOKEN_FILE);
        if (file != null) {
            return () -> ContainerCredentialsProvider.readTokenFile(Path.of(file));
        }
        String token = value(env, TOKEN);
        return () -> token;
    }

    /**
     * @param env the environment
     * @return whether it names credentials the default chain would use: keys, or a container endpoint
     */
    public static boolean named(Map<String, String> env) {
        return value(env, ACCESS_KEY_ID) != null || containerEndpoint(env);
    }

    /**
     * @param env the environment
     * @return whether those credentials are temporary (a session token, or a container endpoint, which only hands
     *     out temporary ones)
     */
    public static boolean temporary(Map<String, String> env) {
        return value(env, SESSION_TOKEN) != null || containerEndpoint(env);
    }

    private static boolean containerEndpoint(Map<String, String> env) {
        return value(env, FULL_URI) != null || value(env, RELATIVE_URI) != null;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
