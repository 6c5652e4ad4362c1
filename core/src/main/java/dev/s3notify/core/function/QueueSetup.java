package dev.s3notify.core.function;

import dev.s3notify.core.support.Sleeper;

import dev.s3notify.core.queue.BatchDispatcher;
import dev.s3notify.core.queue.Composer;
import dev.s3notify.core.queue.DeadLetters;
import dev.s3notify.core.queue.DeliveryRecords;
import dev.s3notify.core.queue.DynamoDbDeliveryRecords;
import dev.s3notify.core.queue.DynamoDbDigestWindows;
import dev.s3notify.core.queue.MemoryDigestWindows;
import dev.s3notify.core.queue.Windowing;
import dev.s3notify.core.support.Log;
import java.time.Duration;
import dev.s3notify.core.queue.FormatterDigests;
import dev.s3notify.core.queue.IndexStore;
import dev.s3notify.core.pacing.Pacer;
import dev.s3notify.core.queue.S3IndexStore;
import dev.s3notify.core.queue.SqsDeadLetters;
import dev.s3notify.core.queue.SqsVisibility;
import dev.s3notify.core.queue.Visibility;
import dev.s3notify.core.queue.WebhookMessageSender;

import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.aws.DeliveryTable;
import dev.s3notify.core.aws.S3LinkSigner;
import dev.s3notify.core.aws.S3Pages;
import dev.s3notify.core.aws.SigningKeys;
import dev.s3notify.core.aws.StoredSecrets;
import dev.s3notify.core.aws.QueueClients;
import dev.s3notify.core.aws.SqsQueues;
import dev.s3notify.core.dispatch.WebhookSender;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Builds the {@link BatchDispatcher} from the dispatcher's settings, at cold start: delivery records when
 * {@code IDEMPOTENCY_TABLE} is set, index pages when {@code INDEX_BUCKET} is, visibility changes and dead-lettering
 * on Lambda (or with {@code AWS_ENDPOINT_URL_SQS}), and the digest window ({@code DIGEST_WINDOW_SECONDS}) where
 * messages can be given back to a queue; none of them, and no AWS client, on a local run without those variables.
 * Clients are made on first use; so is the AWS session itself when only visibility and dead-lettering need it.
 */
public final class QueueSetup {
    private static final Log LOG = Log.of(QueueSetup.class);
    private QueueSetup() {
    }

    /**
     * Reads the queue path's names ({@code IDEMPOTENCY_TABLE}, {@code INDEX_BUCKET}, {@code INDEX_PREFIX}) and
     * {@code DIGEST_WINDOW_SECONDS}, so that a name AWS would refuse, or a window out of range, is reported at cold
     * start with every other problem.
     *
     * @param settings the dispatcher's settings (problems are added to them)
     */
    public static void check(Settings settings) {
        settings.get(Variables.IDEMPOTENCY_TABLE);
        settings.get(Variables.INDEX_BUCKET);
        settings.get(Variables.INDEX_PREFIX);
        settings.get(Variables.DIGEST_WINDOW_SECONDS);
    }

    /**
     * @param settings the dispatcher's settings
     * @return whether the configuration is the queue path's, where batches become digests: a delivery-records table
     *     ({@code IDEMPOTENCY_TABLE}), an index bucket ({@code INDEX_BUCKET}), or a queue endpoint
     *     ({@code AWS_ENDPOINT_URL_SQS}) is set. The template sets the first two exactly when it deploys the queue.
     */
    public static boolean queued(Settings settings) {
        return settings.isSet(Variables.IDEMPOTENCY_TABLE) || settings.isSet(Variables.INDEX_BUCKET)
                || settings.isSet(Variables.AWS_ENDPOINT_URL_SQS);
    }

    /**
     * @param settings the dispatcher's settings (problems are added to them)
     * @param env the environment
     * @param destinations where messages go
     * @param sender core's sender, or null to send nothing (preview)
     * @param known the secrets the process knows, which no AWS error may quote
     * @param credentials AWS credentials for the table, the queue and the index bucket, or null for the chain
     * @return the dispatcher for SQS batches
     */
    public static BatchDispatcher create(Settings settings, Map<String, String> env, List<Destination> destinations,
            WebhookSender sender, AwsCredentialsProvider credentials, List<Secret> known) {
        String table = settings.get(Variables.IDEMPOTENCY_TABLE);
        String bucket = settings.get(Variables.INDEX_BUCKET);
        boolean onLambda = env.get("AWS_LAMBDA_FUNCTION_NAME") != null;
        boolean queue = onLambda || settings.isSet(Variables.AWS_ENDPOINT_URL_SQS);
        Long concurrency = settings.get(Variables.DISPATCH_CONCURRENCY);
        Long window = settings.get(Variables.DIGEST_WINDOW_SECONDS);
        String prefix = settings.get(Variables.INDEX_PREFIX);
        boolean pathStyle = Boolean.TRUE.equals(settings.get(Variables.S3_FORCE_PATH_STYLE));
        URI dynamoEndpoint = Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_DYNAMODB);
        URI sqsEndpoint = Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_SQS);
        URI s3Endpoint = Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_S3);
        boolean needsAws = sender != null && (table != null || bucket != null || queue);
        // Without a table or an index bucket (the direct path, on Lambda) only a standard-queue batch would call AWS,
        // to change visibility or dead-letter: the session is made then, its problems reported now all the same.
        boolean sessionNow = needsAws && (table != null || bucket != null);
        AwsSession session = sessionNow ? AwsSession.create(env, settings, credentials).redacting(known) : null;
        if (needsAws && !sessionNow) {
            AwsSession.check(settings);
        }
        Supplier<AwsSession> sessions = session != null ? () -> session
                : lazy(() -> AwsSession.create(env, settings, credentials).redacting(known));
        settings.validate();
        Clock clock = Clock.systemUTC();
        // The clients are made on first use: a batch that needs none of them pays nothing at cold start.
        DeliveryTable deliveries = table == null || sender == null ? null
                : new DeliveryTable(lazy(() -> QueueClients.dynamo(session, dynamoEndpoint)), table);
        DeliveryRecords records = deliveries == null ? DeliveryRecords.NONE
                : new DynamoDbDeliveryRecords(deliveries, clock);
        IndexStore index = bucket == null || sender == null ? null : new S3IndexStore(new S3Pages(
                lazy(() -> QueueClients.s3(session, s3Endpoint, pathStyle)),
                indexSigner(session, settings, s3Endpoint, pathStyle), bucket), prefix, clock);
        SqsQueues queues = queue && sender != null
                ? new SqsQueues(lazy(() -> QueueClients.sqs(sessions.get(), sqsEndpoint))) : null;
        Visibility visibility = queues == null ? Visibility.NONE : new SqsVisibility(queues);
        DeadLetters deadLetters = queues == null ? DeadLetters.NONE : new SqsDeadLetters(queues);
        Windowing windowing = windowing(window, queues != null, deliveries);
        // Previewing sends nothing, so nothing is paced.
        Pacer pacer = sender == null ? Pacer.unpaced() : Pacer.of(concurrency.intValue(), clock, Sleeper.THREAD);
        return new BatchDispatcher(destinations, new BatchDispatcher.Parts(new Composer(new FormatterDigests(),
                index), records, pacer, new WebhookMessageSender(sender), visibility,
                // SecureRandom: seeded anew in every environment restored from a SnapStart snapshot.
                new SecureRandom(), deadLetters, clock, windowing));
    }

    /**
     * The digest window, said at start-up: in the delivery-records table when there is one, else in this execution
     * environment's memory; none without a queue to give the waiting messages back to (the command line,
     * previewing), nor with {@code DIGEST_WINDOW_SECONDS} 0.
     */
    private static Windowing windowing(long seconds, boolean queue, DeliveryTable table) {
        if (seconds == 0 || !queue) {
            LOG.info("digest window (SQS batches): none, each batch is sent at once", "windowSeconds", seconds, "why",
                    seconds == 0 ? "DIGEST_WINDOW_SECONDS is 0" : "no queue to give waiting messages back to");
            return Windowing.OFF;
        }
        LOG.info(table != null ? "digest window (SQS batches): kept in the delivery-records table"
                : "digest window (SQS batches): kept in this execution environment's memory (no IDEMPOTENCY_TABLE):"
                        + " each of DISPATCH_CONCURRENCY environments keeps its own", "windowSeconds", seconds);
        return new Windowing(table != null ? new DynamoDbDigestWindows(table) : new MemoryDigestWindows(),
                Duration.ofSeconds(seconds));
    }

    /**
     * The index pages' signer: the link-signing user's keys ({@code LINK_SIGNING_SECRET_ARN}, read now so that a
     * missing or malformed secret fails the cold start, and again on first use, so that no key sits in a SnapStart
     * snapshot), else the function's role, whose links end with its session.
     */
    private static S3LinkSigner indexSigner(AwsSession session, Settings settings, URI s3Endpoint,
            boolean pathStyle) {
        String arn = settings.get(Variables.LINK_SIGNING_SECRET_ARN);
        S3LinkSigner role = new S3LinkSigner(session, session.credentials(), s3Endpoint, pathStyle);
        if (arn == null) {
            return role;
        }
        S3LinkSigner keys = role.signingWith(SigningKeys.read(new StoredSecrets(session,
                Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_SECRETS_MANAGER), null), arn));
        keys.forget();
        session.forget();
        return keys;
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
}
