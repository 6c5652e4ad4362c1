package dev.s3notify.core.queue;

import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.CredentialsProvider;
import dev.s3notify.core.Destination;
import dev.s3notify.core.Settings;
import dev.s3notify.core.Variables;
import dev.s3notify.core.internal.WebhookSender;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the {@link BatchDispatcher} from the dispatcher's settings, at cold start: delivery records when
 * {@code IDEMPOTENCY_TABLE} is set, index pages when {@code INDEX_BUCKET} is, visibility changes on Lambda (or with
 * {@code AWS_ENDPOINT_URL_SQS}); none of them, and no AWS client, on a local run without those variables.
 */
public final class QueueSetup {
    /** The longest pacing wait taken inside an invocation; a later slot defers the messages instead. */
    static final Duration MAX_PACING_WAIT = Duration.ofSeconds(1);
    private static final Duration AWS_TIMEOUT = Duration.ofSeconds(10);

    private QueueSetup() {
    }

    /**
     * @param settings the dispatcher's settings (problems are added to them)
     * @param env the environment
     * @param destinations where messages go
     * @param sender core's sender, or null to send nothing (preview)
     * @param credentials AWS credentials for the table, the queue and the index bucket
     * @return the dispatcher for SQS batches
     */
    public static BatchDispatcher create(Settings settings, Map<String, String> env, List<Destination> destinations,
            WebhookSender sender, CredentialsProvider credentials) {
        String table = settings.get(Variables.IDEMPOTENCY_TABLE);
        String bucket = settings.get(Variables.INDEX_BUCKET);
        boolean onLambda = env.get("AWS_LAMBDA_FUNCTION_NAME") != null;
        boolean queue = onLambda || settings.isSet(Variables.AWS_ENDPOINT_URL_SQS);
        Long concurrency = settings.get(Variables.DISPATCH_CONCURRENCY);
        String prefix = settings.get(Variables.INDEX_PREFIX);
        settings.validate();
        Clock clock = Clock.systemUTC();
        // The clients are made on first use: a batch that needs none of them pays nothing at cold start.
        Aws aws = new Aws(settings, sdk(credentials));
        DeliveryRecords records = table == null || sender == null ? DeliveryRecords.NONE
                : new DynamoDbDeliveryRecords(lazy(aws::dynamo), table, clock);
        IndexStore index = bucket == null ? null : new S3IndexStore(lazy(aws::s3), lazy(aws::presigner), bucket,
                prefix, clock);
        Visibility visibility = queue && sender != null ? new SqsVisibility(lazy(aws::sqs)) : Visibility.NONE;
        Pacer pacer = new Pacer(PlatformRates::of, concurrency.intValue(), clock,
                d -> Thread.sleep(d.toMillis()), MAX_PACING_WAIT);
        return new BatchDispatcher(destinations, new BatchDispatcher.Parts(new Composer(new IndexLinkDigests(),
                index), records, pacer, new WebhookMessageSender(sender), visibility,
                // SecureRandom: seeded anew in every environment restored from a SnapStart snapshot.
                new SecureRandom()));
    }

    private static <T> Supplier<T> lazy(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    private static AwsCredentialsProvider sdk(CredentialsProvider credentials) {
        return () -> {
            AwsCredentials c = credentials.credentials();
            return c.sessionToken() == null
                    ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey().reveal())
                    : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey().reveal(),
                            c.sessionToken().reveal());
        };
    }

    /** The AWS clients, each made on first use with the region, endpoint and credentials configured. */
    private record Aws(Settings settings, AwsCredentialsProvider credentials) {
        DynamoDbClient dynamo() {
            return DynamoDbClient.builder().region(region()).credentialsProvider(credentials)
                    .httpClient(http()).overrideConfiguration(c -> c.apiCallTimeout(AWS_TIMEOUT))
                    .applyMutation(b -> endpoint(Variables.AWS_ENDPOINT_URL_DYNAMODB, b::endpointOverride)).build();
        }

        SqsClient sqs() {
            return SqsClient.builder().region(region()).credentialsProvider(credentials)
                    .httpClient(http()).overrideConfiguration(c -> c.apiCallTimeout(AWS_TIMEOUT))
                    .applyMutation(b -> endpoint(Variables.AWS_ENDPOINT_URL_SQS, b::endpointOverride)).build();
        }

        S3Client s3() {
            return S3Client.builder().region(region()).credentialsProvider(credentials).httpClient(http())
                    .serviceConfiguration(s3Configuration())
                    .overrideConfiguration(c -> c.apiCallTimeout(AWS_TIMEOUT))
                    .applyMutation(b -> endpoint(Variables.AWS_ENDPOINT_URL_S3, b::endpointOverride)).build();
        }

        S3Presigner presigner() {
            S3Presigner.Builder builder = S3Presigner.builder().region(region()).credentialsProvider(credentials)
                    .serviceConfiguration(s3Configuration());
            endpoint(Variables.AWS_ENDPOINT_URL_S3, builder::endpointOverride);
            return builder.build();
        }

        private S3Configuration s3Configuration() {
            return S3Configuration.builder()
                    .pathStyleAccessEnabled(Boolean.TRUE.equals(settings.get(Variables.S3_FORCE_PATH_STYLE)))
                    .build();
        }

        private Region region() {
            return Region.of(Variables.region(settings));
        }

        private void endpoint(dev.s3notify.core.Variable<URI> variable, java.util.function.Consumer<URI> apply) {
            URI endpoint = Variables.endpoint(settings, variable);
            if (endpoint != null) {
                apply.accept(endpoint);
            }
        }

        private static software.amazon.awssdk.http.SdkHttpClient http() {
            return UrlConnectionHttpClient.builder().connectionTimeout(AWS_TIMEOUT).socketTimeout(AWS_TIMEOUT)
                    .build();
        }
    }
}
