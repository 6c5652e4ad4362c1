package dev.s3notify.core.aws;

import dev.s3notify.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Which of the SDK's credentials providers a function uses, chosen from the environment map (never from the process
 * environment directly):
 * <ul>
 * <li>On Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} is set), the cheapest correct chain: the keys Lambda sets
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), then the container
 * credentials endpoint that SnapStart functions get ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}).</li>
 * <li>Elsewhere (the command line), keys and a container endpoint from the map, then the SDK's whole default
 * chain: profiles of the shared
 * config and credentials files ({@code AWS_PROFILE}, {@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}),
 * IAM Identity Center (SSO) sessions, {@code credential_process}, role and web identity profiles, the container
 * endpoint and, last, the EC2 instance metadata service.</li>
 * </ul>
 */
public final class CredentialsChains {
    static final String LAMBDA = "AWS_LAMBDA_FUNCTION_NAME";
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    static final String FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    static final String PROFILE = "AWS_PROFILE";
    static final String CONFIG_FILE = "AWS_CONFIG_FILE";
    static final String CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";
    static final String WEB_IDENTITY = "AWS_WEB_IDENTITY_TOKEN_FILE";

    private CredentialsChains() {
    }

    /**
     * @param env the environment
     * @return whether it is a Lambda function's ({@code AWS_LAMBDA_FUNCTION_NAME} is set)
     */
    public static boolean onLambda(Map<String, String> env) {
        return value(env, LAMBDA) != null;
    }

    /**
     * @param env the environment
     * @return the chain for it; nothing is fetched before the first call
     */
    static AwsCredentialsProvider forEnvironment(Map<String, String> env) {
        List<AwsCredentialsProvider> providers = new ArrayList<>();
        AwsCredentialsProvider keys = keys(env);
        if (keys != null) {
            providers.add(keys);
        }
        if (containerEndpoint(env)) {
            // The SDK reads the endpoint and its token itself (AWS_CONTAINER_CREDENTIALS_FULL_URI,
            // AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE], or the aws.container* system properties): on Lambda those
            // are the environment the map was read from.
            providers.add(ContainerCredentialsProvider.builder().build());
        }
        if (!onLambda(env)) {
            providers.add(DefaultCredentialsProvider.builder().profileFile(() -> profileFile(env))
                    .profileName(profileName(env)).build());
        }
        if (providers.isEmpty()) {
            return () -> {
                throw new ConfigurationException(nothingFound(env));
            };
        }
        return providers.size() == 1 ? providers.get(0)
                : AwsCredentialsProviderChain.builder().credentialsProviders(providers).reuseLastProviderEnabled(true)
                        .build();
    }

    /**
     * @param env the environment
     * @return whether it names credentials a chain would use without asking the EC2 instance metadata service:
     *     keys, a container endpoint, a web identity token, a named profile or a default profile in the files
     */
    public static boolean named(Map<String, String> env) {
        if (value(env, ACCESS_KEY_ID) != null || containerEndpoint(env)) {
            return true;
        }
        if (onLambda(env)) {
            return false;
        }
        return value(env, WEB_IDENTITY) != null || value(env, PROFILE) != null
                || profileFile(env).profile(profileName(env)).isPresent();
    }

    /**
     * @param env the environment
     * @return whether the credentials it names are known to be temporary: a session token, or a container
     *     endpoint, which hands out only temporary ones (a profile's may be too: links then report the earlier
     *     expiry of the two)
     */
    public static boolean temporary(Map<String, String> env) {
        return value(env, SESSION_TOKEN) != null || containerEndpoint(env);
    }

    private static AwsCredentialsProvider keys(Map<String, String> env) {
        String id = value(env, ACCESS_KEY_ID);
        String secret = value(env, SECRET_ACCESS_KEY);
        if (id == null || secret == null) {
            return null;
        }
        String token = value(env, SESSION_TOKEN);
        return StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(id, secret)
                : AwsSessionCredentials.create(id, secret, token));
    }

    private static boolean containerEndpoint(Map<String, String> env) {
        return value(env, FULL_URI) != null || value(env, RELATIVE_URI) != null;
    }

    private static String profileName(Map<String, String> env) {
        String name = value(env, PROFILE);
        return name == null ? "default" : name;
    }

    /** The shared config and credentials files the map names, else those under its HOME; none without either. */
    static ProfileFile profileFile(Map<String, String> env) {
        String home = value(env, "HOME");
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        addIfPresent(files, value(env, CONFIG_FILE), home, ".aws/config", ProfileFile.Type.CONFIGURATION);
        addIfPresent(files, value(env, CREDENTIALS_FILE), home, ".aws/credentials", ProfileFile.Type.CREDENTIALS);
        return files.build();
    }

    private static void addIfPresent(ProfileFile.Aggregator files, String named, String home, String underHome,
            ProfileFile.Type type) {
        Path path = named != null ? Path.of(named) : home != null ? Path.of(home).resolve(underHome) : null;
        if (path != null && Files.isRegularFile(path)) {
            files.addFile(ProfileFile.builder().content(path).type(type).build());
        }
    }

    private static String nothingFound(Map<String, String> env) {
        boolean hasKeyId = value(env, ACCESS_KEY_ID) != null;
        boolean hasSecret = value(env, SECRET_ACCESS_KEY) != null;
        String partial = hasKeyId ? " (" + ACCESS_KEY_ID + " is set but " + SECRET_ACCESS_KEY + " is not)"
                : hasSecret ? " (" + SECRET_ACCESS_KEY + " is set but " + ACCESS_KEY_ID + " is not)" : "";
        return "no AWS credentials found: looked at " + ACCESS_KEY_ID + " + " + SECRET_ACCESS_KEY + " (+ "
                + SESSION_TOKEN + ")" + partial + ", then " + FULL_URI + " and " + RELATIVE_URI
                + ", none of which is set. Lambda sets them for the function's role.";
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
