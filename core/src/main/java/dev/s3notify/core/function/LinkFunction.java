package dev.s3notify.core.function;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.links.EventPublisher;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.core.plugins.LinkGenerators;
import dev.s3notify.core.links.LinkPipeline;
import dev.s3notify.core.links.LinkSettings;
import dev.s3notify.spi.LinkContext;
import dev.s3notify.spi.LinkSigner;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.plugins.Plugins;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;

import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.CredentialsChains;
import dev.s3notify.core.aws.EventBridgeEvents;
import dev.s3notify.core.aws.S3Heads;
import dev.s3notify.core.aws.S3LinkSigner;
import dev.s3notify.core.aws.SigningKeys;
import dev.s3notify.core.aws.StoredSecrets;
import dev.s3notify.core.links.EventBridgePublisher;
import dev.s3notify.core.links.KeyResolver;
import dev.s3notify.spi.LinkGeneratorProvider;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Builds the link generator's {@link LinkPipeline} from the environment, once, at cold start. Every configuration
 * problem is reported together in one {@link ConfigurationException}, so a misconfigured function fails at
 * start-up rather than at the first upload.
 */
public final class LinkFunction {
    private static final Log LOG = Log.of(LinkFunction.class);
    private static final String PRIMING_BUCKET = "s3-notify-priming";
    /** The only kind whose links are signed with the credentials. */
    private static final String PRESIGNED = "s3-presigned";
    private static final AwsCredentialsProvider PLACEHOLDER = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "placeholder-secret-for-dry-runs"));

    private LinkFunction() {
    }

    /**
     * What the caller changes about the function; null fields mean "as configured".
     *
     * @param dryRun publish nothing: entries only reach {@code onPublished}; without AWS credentials in the
     *     environment, links are signed with placeholder keys (and do not work) and HeadObject is not called, with
     *     a warning
     * @param onPublished sees every batch of entries once it is published (or, in a dry run, would be), or null
     * @param publisher where events go instead of EventBridge (tests, an in-memory bus), or null
     * @param credentials where credentials come from instead of the chain for the environment (an SDK provider),
     *     or null
     * @param loader where link generators are looked for, or null for this class's loader with the plugin jars
     *     ({@link Plugins})
     */
    public record Overrides(boolean dryRun, Consumer<List<EventEntry>> onPublished, EventPublisher publisher,
            AwsCredentialsProvider credentials, ClassLoader loader) {
        /** @return no overrides: EventBridge, the default credentials chain, this class's loader with plugins */
        public static Overrides none() {
            return new Overrides(false, null, null, null, null);
        }
    }

    /**
     * @param env the environment, read once at the edge
     * @param overrides what replaces the defaults
     * @return the pipeline
     * @throws ConfigurationException listing every problem found
     */
    public static LinkPipeline create(Map<String, String> env, Overrides overrides) {
        Settings settings = new Settings(env);
        boolean placeholder = signsWithPlaceholderKeys(env, overrides);
        AwsSession session = AwsSession.create(env, settings, placeholder ? PLACEHOLDER : overrides.credentials());
        URI s3Endpoint = Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_S3);
        boolean pathStyle = settings.get(Variables.S3_FORCE_PATH_STYLE);
        S3LinkSigner roleSigner = new S3LinkSigner(session, session.credentials(), s3Endpoint, pathStyle);
        LinkSettings linkSettings = LinkSettings.parse(settings, roleSigner);
        if (placeholder) {
            warnOfPlaceholderKeys(linkSettings);
            linkSettings = linkSettings.with(linkSettings.signer(), LinkSettings.HeadObjectMode.NEVER);
        }
        LinkGeneratorProvider generator = generator(overrides, settings, linkSettings);
        KindSettings own = generator == null ? KindSettings.none() : own(generator, settings, roleSigner);
        LinkPipeline.PublishTarget target = new LinkPipeline.PublishTarget(settings.get(Variables.EVENT_SOURCE),
                settings.get(Variables.EVENT_DETAIL_TYPE), settings.get(Variables.EVENT_BUS_NAME));
        String signingSecretArn = settings.get(Variables.LINK_SIGNING_SECRET_ARN);
        URI eventsEndpoint = Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_EVENTBRIDGE);
        URI secretsEndpoint = Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_SECRETS_MANAGER);
        settings.validate();

        if (signingSecretArn != null) {
            AwsCredentialsProvider keys = SigningKeys.read(new StoredSecrets(session, secretsEndpoint, null),
                    signingSecretArn);
            linkSettings = linkSettings.with(roleSigner.signingWith(keys), linkSettings.headObject());
        } else {
            warnWhenLinksOutliveCredentials(env, linkSettings);
        }
        EventBridgeEvents events = overrides.dryRun() || overrides.publisher() != null ? null
                : EventBridgeEvents.create(session, eventsEndpoint);
        EventPublisher publisher = publisher(overrides, events);
        S3Heads heads = linkSettings.headObject() == LinkSettings.HeadObjectMode.NEVER ? null
                : new S3Heads(session, s3Endpoint, pathStyle);
        LinkPipeline.Offline offline = new LinkPipeline.Offline(roleSigner.signingWith(PLACEHOLDER),
                events == null ? entries -> { } : events::prime,
                heads == null ? () -> { } : () -> heads.prime(PRIMING_BUCKET, "priming/sample.pdf", session.region()),
                session::forget);
        LOG.info("link generator ready", "linkKind", generator.kind(), "expirationSeconds",
                linkSettings.expiration().toSeconds(), "headObject", linkSettings.headObject().name().toLowerCase(),
                "eventBus", target.busName(), "source", target.source(), "detailType", target.detailType(),
                "region", session.region());
        return new LinkPipeline(linkSettings, generator, own, KeyResolver.create(linkSettings, heads), publisher,
                target, offline);
    }

    /**
     * @param env the environment
     * @param overrides what the caller changes
     * @return whether links would be signed with placeholder keys that do not work: a dry run with no AWS
     *     credentials in the environment and none given
     */
    public static boolean signsWithPlaceholderKeys(Map<String, String> env, Overrides overrides) {
        return overrides.dryRun() && overrides.credentials() == null && !CredentialsChains.named(env);
    }

    /** The selected kind, its own checks recorded with the other problems; null when it cannot be found. */
    private static LinkGeneratorProvider generator(Overrides overrides, Settings settings,
            LinkSettings linkSettings) {
        ClassLoader loader = overrides.loader() != null ? overrides.loader() : Plugins.classLoader(settings);
        try {
            return LinkGenerators.load(loader).get(linkSettings.kind());
        } catch (ConfigurationException e) {
            e.problems().forEach(settings::problem);
            return null;
        }
    }

    /**
     * The kind's own settings, read from the variables it declared and no others, and proven by creating a generator
     * once: what {@code create} refuses is recorded with the other problems. When one of the kind's own values was
     * invalid already, create sees its default instead and its complaint would only repeat that problem.
     */
    private static KindSettings own(LinkGeneratorProvider generator, Settings settings, LinkSigner signer) {
        int before = settings.problems().size();
        KindSettings own = KindSettings.read(generator.variables(), settings::get);
        if (settings.problems().size() == before) {
            try {
                generator.create(LinkContext.of(own, signer));
            } catch (ConfigurationException e) {
                e.problems().forEach(settings::problem);
            }
        }
        return own;
    }

    private static EventPublisher publisher(Overrides overrides, EventBridgeEvents events) {
        EventPublisher publisher = overrides.dryRun() ? entries -> { }
                : overrides.publisher() != null ? overrides.publisher()
                : EventBridgePublisher.create(events);
        return overrides.onPublished() == null ? publisher : observed(publisher, overrides.onPublished());
    }

    /**
     * Said without "dry run": the command line's run delivers for real over the same in-memory bus. Only presigned
     * links are signed; other kinds lose only HeadObject, which matters only when it was asked for every object.
     */
    private static void warnOfPlaceholderKeys(LinkSettings settings) {
        String fix = "; set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
        if (settings.kind().equals(PRESIGNED)) {
            LOG.warn("no AWS credentials: links are signed with placeholder keys and will not work, and ambiguous"
                    + " keys are not checked with HeadObject" + fix + ", for real links");
        } else if (settings.headObject() == LinkSettings.HeadObjectMode.ALWAYS) {
            LOG.warn("no AWS credentials: HEAD_OBJECT=always is ignored, HeadObject is not called" + fix
                    + " to call it", "linkKind", settings.kind());
        } else {
            LOG.info("no AWS credentials: ambiguous keys are not checked with HeadObject" + fix + " to check them",
                    "linkKind", settings.kind());
        }
    }

    private static void warnWhenLinksOutliveCredentials(Map<String, String> env, LinkSettings settings) {
        if (CredentialsChains.temporary(env) && settings.kind().equals(PRESIGNED)
                && settings.expiration().toSeconds() > 3600) {
            LOG.warn("links may stop working before they expire: they are signed with the function role's"
                    + " temporary credentials, which end within hours; set LINK_SIGNING_SECRET_ARN for links that"
                    + " really last", "expirationSeconds", settings.expiration().toSeconds());
        }
    }

    private static EventPublisher observed(EventPublisher publisher, Consumer<List<EventEntry>> observer) {
        return new EventPublisher() {
            @Override
            public void publish(List<EventEntry> entries) {
                publish(entries, null);
            }

            @Override
            public void publish(List<EventEntry> entries, Instant deadline) {
                publisher.publish(entries, deadline);
                observer.accept(entries);
            }
        };
    }
}
