package dev.s3notify.core.aws;

import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.config.KnownSecrets;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.support.ResponseText;
import dev.s3notify.core.support.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.EndpointTag;
import software.amazon.awssdk.regions.PartitionEndpointKey;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * What every AWS client of one function shares, settled once at start-up from the environment map: the region, the
 * credentials ({@link CredentialsChains}), FIPS and dual-stack endpoints, and one url-connection-client HTTP client.
 * Clients are built from it with explicit settings, so nothing the SDK would otherwise look up (the process
 * environment, the profile file, IMDS for the region) is consulted behind the map's back. Thread-safe.
 */
public final class AwsSession {
    /** How long one AWS call may take, retries included, when no invocation deadline is nearer. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);
    /** How long one attempt of a call may take. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(4);
    /** Time kept back from an invocation's deadline, to fail with a message rather than be killed. */
    static final Duration DEADLINE_MARGIN = Duration.ofMillis(500);

    /** The dual-stack DNS suffixes the SDK's region metadata lacks (its endpoint rules have them). */
    private static final Map<String, String> DUALSTACK_SUFFIXES = Map.of("aws-iso", "api.aws.ic.gov", "aws-iso-b",
            "api.aws.scloud", "aws-iso-e", "api.cloud-aws.adc-e.uk", "aws-iso-f", "api.aws.hci.ic.gov");

    private final String region;
    private final boolean fips;
    private final boolean dualstack;
    private final Credentials credentials;
    private final SdkHttpClient http;
    private final List<String> secrets;

    private AwsSession(String region, boolean fips, boolean dualstack, Credentials credentials, SdkHttpClient http,
            List<String> secrets) {
        this.region = region;
        this.fips = fips;
        this.dualstack = dualstack;
        this.credentials = credentials;
        this.http = http;
        this.secrets = List.copyOf(secrets);
    }

    /**
     * Records problems in {@code settings} (FIPS with an endpoint override); call {@link Settings#validate()}.
     *
     * @param env the environment, read once at the edge
     * @param settings the parsed settings of the same environment
     * @param override credentials to use instead of the chain (tests, a dry run's placeholder keys), or null
     * @return the session; nothing is fetched until a client first needs credentials
     */
    public static AwsSession create(Map<String, String> env, Settings settings, AwsCredentialsProvider override) {
        boolean fips = check(settings);
        Credentials credentials = override != null ? Credentials.fixed(override)
                : Credentials.refreshable(() -> CredentialsChains.forEnvironment(env));
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(ATTEMPT_TIMEOUT).build();
        return new AwsSession(Variables.region(settings), fips, settings.get(Variables.AWS_USE_DUALSTACK_ENDPOINT),
                credentials, http, KnownSecrets.in(env, Variables.ALL).stream().map(Secret::reveal).toList());
    }

    /**
     * Records the problems {@link #create} would record, without building anything: for a caller that makes its
     * session on first use and must still report them at cold start.
     *
     * @param settings the parsed settings (problems are added to them)
     * @return whether FIPS endpoints are asked for
     */
    public static boolean check(Settings settings) {
        boolean fips = settings.get(Variables.AWS_USE_FIPS_ENDPOINT);
        if (fips && settings.get(Variables.AWS_ENDPOINT_URL) != null) {
            settings.problem("AWS_USE_FIPS_ENDPOINT=true cannot be combined with AWS_ENDPOINT_URL: the SDK uses FIPS"
                    + " endpoints only on AWS's own hosts; unset one of them");
        }
        settings.get(Variables.AWS_USE_DUALSTACK_ENDPOINT);
        Variables.region(settings);
        return fips;
    }

    /**
     * @param known more secrets the process knows (a formatter's secret variables, the webhook URL's token), which an
     *     AWS error must never quote either
     * @return a session whose clients' errors lose these too, sharing this one's credentials and HTTP client
     */
    public AwsSession redacting(Collection<Secret> known) {
        List<String> all = new ArrayList<>(secrets);
        known.forEach(secret -> all.add(secret.reveal()));
        return new AwsSession(region, fips, dualstack, credentials, http, all.stream().distinct().toList());
    }

    /**
     * @param text what AWS sent back
     * @return the text without any secret the process knows: the environment's, those given to
     *     {@link #redacting}, and the keys and session token the clients last signed with
     */
    String redact(String text) {
        return ResponseText.withoutSecrets(text, knownSecrets());
    }

    /** @return the environment's secrets, those given to {@link #redacting}, and the credentials last signed with */
    List<String> knownSecrets() {
        AwsCredentials signed = credentials.lastResolved();
        if (signed == null) {
            return secrets;
        }
        List<String> all = new ArrayList<>(secrets);
        all.add(signed.accessKeyId());
        all.add(signed.secretAccessKey());
        if (signed instanceof AwsSessionCredentials session) {
            all.add(session.sessionToken());
        }
        return all;
    }

    /** @return the configured region: {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1 */
    public String region() {
        return region;
    }

    /** @return whether FIPS endpoints are used */
    boolean fips() {
        return fips;
    }

    /** @return whether dual-stack endpoints are used */
    boolean dualstack() {
        return dualstack;
    }

    /** @return the one HTTP client every call goes through */
    SdkHttpClient http() {
        return http;
    }

    /**
     * AWS's own endpoint of SSM or Secrets Manager in this session's region, FIPS and dual-stack as configured: what
     * those services' endpoint rules in the SDK give ({@code SessionEndpointTest} compares the two in every region
     * the SDK knows), without their modules. {@code https://<service>[-fips].<region>.<suffix>}, the suffix the
     * partition's (dual-stack: its dual-stack one), but for the rules' exceptions: Secrets Manager's endpoints in the
     * aws and aws-us-gov partitions (and aws-cn's without FIPS) are dual-stack already, and SSM's FIPS endpoints in
     * GovCloud have no {@code -fips}.
     *
     * @param service {@code ssm} or {@code secretsmanager}
     * @return {@code https://ssm.eu-west-1.amazonaws.com}, {@code https://ssm-fips.us-east-1.api.aws}, ...
     */
    public URI endpoint(String service) {
        PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
        String id = partition.id();
        boolean dualstackAlready = service.equals("secretsmanager")
                && (id.equals("aws") || id.equals("aws-us-gov") || id.equals("aws-cn") && !fips);
        String suffix = partition.dnsSuffix();
        if (dualstack && !dualstackAlready) {
            String dual = partition.dnsSuffix(PartitionEndpointKey.builder().tags(EndpointTag.DUALSTACK).build());
            suffix = dual != null ? dual : DUALSTACK_SUFFIXES.getOrDefault(id, "api." + suffix);
        }
        boolean fipsName = fips && !(service.equals("ssm") && id.equals("aws-us-gov") && !dualstack);
        return URI.create("https://" + service + (fipsName ? "-fips" : "") + "." + region + "." + suffix);
    }

    /** @return the credentials every client signs with */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /**
     * Drops the credentials fetched so far (the SDK's providers cache them); the next call fetches anew. Called
     * before a SnapStart snapshot and after each restore.
     */
    public void forget() {
        credentials.forget();
    }

    /**
     * How every client of core is built; use it for any new one ({@code SqsClient.builder()}, ...).
     *
     * @param builder a client builder of any service
     * @param endpoint the endpoint override for that service, or null for AWS's own
     * @param regionName the region, or null for {@link #region()}
     * @param <B> the builder type
     * @return the builder with region, credentials, HTTP client, FIPS and dual-stack flags, standard retry mode,
     *     timeouts, offline priming, bounded error bodies and the last answer kept for a call that times out set
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint,
            String regionName) {
        apply(builder, builder, endpoint, regionName);
        return builder;
    }

    /**
     * {@link #configure} for a builder known only as an object: a plugin's, through {@link SessionClients}.
     *
     * @throws IllegalArgumentException when it is not a synchronous AWS SDK v2 client builder
     */
    void configureAny(Object builder, URI endpoint) {
        if (!(builder instanceof AwsClientBuilder<?, ?> aws) || !(builder instanceof AwsSyncClientBuilder<?, ?> sync)) {
            throw new IllegalArgumentException("not a synchronous AWS SDK v2 client builder: "
                    + (builder == null ? "null" : builder.getClass().getName()));
        }
        apply(aws, sync, endpoint, null);
    }

    /** SDK builders are mutable: each setter changes the builder itself, whatever it returns. */
    private void apply(AwsClientBuilder<?, ?> builder, AwsSyncClientBuilder<?, ?> sync, URI endpoint,
            String regionName) {
        builder.region(Region.of(regionName == null ? region : regionName))
                .credentialsProvider(credentials);
        sync.httpClient(http);
        builder.fipsEnabled(fips);
        builder.dualstackEnabled(dualstack);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(API_CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT).retryStrategy(RetryMode.STANDARD)
                .addExecutionInterceptor(OfflinePriming.INSTANCE)
                .addExecutionInterceptor(BoundedErrorBodies.INSTANCE)
                .addExecutionInterceptor(AnswerBeforeTimeout.INSTANCE)
                .addExecutionInterceptor(new RedactedErrors(this::knownSecrets))
                .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
    }

    /**
     * @param deadline when the invocation ends, or null for none
     * @return per-call timeouts that end the call (all its retries included) before the deadline
     * @throws S3NotifyException when the deadline has (all but) passed already
     */
    public static AwsRequestOverrideConfiguration within(Instant deadline) {
        Duration call = API_CALL_TIMEOUT;
        if (deadline != null) {
            Duration left = Duration.between(Instant.now(), deadline).minus(DEADLINE_MARGIN);
            if (left.toMillis() < 50) {
                throw new S3NotifyException("the invocation's deadline is reached: no time is left for the call");
            }
            call = left.compareTo(call) < 0 ? left : call;
        }
        Duration attempt = call.compareTo(ATTEMPT_TIMEOUT) < 0 ? call : ATTEMPT_TIMEOUT;
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(call).apiCallAttemptTimeout(attempt).build();
    }

    @Override
    public String toString() {
        return "AwsSession[region=" + region + ", fips=" + fips + ", dualstack=" + dualstack + "]";
    }
}
