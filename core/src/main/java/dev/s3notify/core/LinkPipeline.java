package dev.s3notify.core;

import dev.s3notify.core.internal.KeyResolver;
import dev.s3notify.core.internal.SnapshotState;
import dev.s3notify.spi.LinkGenerator;
import dev.s3notify.spi.LinkGeneratorProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The link generator's work for one invocation: unwrap the envelope, decode the S3 events, settle ambiguous
 * keys, make a link per downloadable object and publish one {@code file-link-generated} event per object. Built
 * once per function instance by {@link LinkFunction}; thread-safe.
 *
 * <p>Nothing is dropped: an input that cannot be decoded, linked or published fails the invocation, or, in an SQS
 * batch, is reported as a batch item failure so only that message is retried.
 */
public final class LinkPipeline {
    private static final Log LOG = Log.of(LinkPipeline.class);
    private static final AwsCredentials PRIMING_KEYS = new AwsCredentials("AKIAIOSFODNN7EXAMPLE",
            Secret.of("placeholder-secret-for-priming"), null, null);

    private final LinkSettings settings;
    private final LinkGeneratorProvider provider;
    private final LinkGenerator generator;
    private final KeyResolver resolver;
    private final EventPublisher publisher;
    private final PublishTarget target;
    private final S3EventDecoder decoder = new S3EventDecoder();

    LinkPipeline(LinkSettings settings, LinkGeneratorProvider provider, KeyResolver resolver,
            EventPublisher publisher, PublishTarget target) {
        this.settings = settings;
        this.provider = provider;
        this.generator = provider.create(settings);
        this.resolver = resolver;
        this.publisher = publisher;
        this.target = target;
    }

    /** Where events go and how they are labelled ({@code EVENT_SOURCE}, {@code EVENT_DETAIL_TYPE}, bus). */
    record PublishTarget(String source, String detailType, String busName) {
    }

    /**
     * The outcome of an invocation that did not fail as a whole.
     *
     * @param published the entries published, in order
     * @param failedMessageIds the SQS message ids to report as batch item failures
     */
    public record Outcome(List<EventEntry> published, List<String> failedMessageIds) {
        /** Copies the lists. */
        public Outcome {
            published = List.copyOf(published);
            failedMessageIds = List.copyOf(failedMessageIds);
        }
    }

    /**
     * @param input the raw invocation payload
     * @param now the time links count from
     * @return what was published and which SQS messages failed
     * @throws S3NotifyException when the invocation must fail as a whole (not an SQS batch)
     */
    public Outcome handle(byte[] input, Instant now) {
        Batch batch = Batch.of(input);
        List<EventEntry> published = new ArrayList<>();
        List<EventEntry> pending = new ArrayList<>();
        List<String> failed = batch.forEach(envelope -> {
            List<EventEntry> entries = entries(envelope, now);
            if (batch.isSqs()) {
                // Published message by message, so that one message's failure is that message's alone.
                publish(entries);
                published.addAll(entries);
            } else {
                pending.addAll(entries);
            }
        });
        publish(pending);
        published.addAll(pending);
        return new Outcome(published, failed);
    }

    private List<EventEntry> entries(Envelope envelope, Instant now) {
        if (envelope.error() != null) {
            throw envelope.error();
        }
        List<EventEntry> entries = new ArrayList<>();
        for (ObjectEvent event : decoder.decode(envelope.body())) {
            entries.add(entry(event, now));
        }
        return entries;
    }

    private EventEntry entry(ObjectEvent event, Instant now) {
        ObjectEvent object = event;
        Link link = null;
        if (event.type().downloadable()) {
            object = resolver.resolve(event, now);
            link = generator.generate(object, now);
        }
        LinkEvent detail = LinkEvent.of(object, link, settings.expiration().toSeconds(), now);
        String label = "sourceEventId=" + object.sourceEventId() + " s3://" + object.bucket() + "/" + object.key();
        LOG.info("link event prepared", "eventId", object.sourceEventId(), "bucket", object.bucket(),
                "key", object.key(), "eventType", object.type().wireName(), "linkKind", provider.kind(),
                "link", link == null ? null : link.redacted(), "expiresAt", link == null ? null : link.expiresAt());
        return new EventEntry(target.source(), target.detailType(), target.busName(),
                LinkEventJson.toJson(detail).toString(), List.of("arn:aws:s3:::" + object.bucket()), label);
    }

    private void publish(List<EventEntry> entries) {
        if (!entries.isEmpty()) {
            publisher.publish(entries);
        }
    }

    /**
     * Drops the credentials this pipeline has cached (the role's, and the keys of {@code LINK_SIGNING_SECRET_ARN}),
     * the shared HTTP client's pooled connections and the retry jitter's seed. Called before a Lambda SnapStart
     * snapshot is taken and after it is restored, so that no snapshot holds credentials and no restored environment
     * reuses what another one has; the next invocation fetches them anew.
     */
    public void forgetCached() {
        settings.credentials().forget();
        SnapshotState.forget();
    }

    /**
     * @return a copy that signs with placeholder keys, never calls HeadObject and publishes nothing: it runs an
     *     invocation's code without the network, to load and compile it before a SnapStart snapshot
     */
    public LinkPipeline primer() {
        LinkSettings offline = settings.with(() -> PRIMING_KEYS, LinkSettings.HeadObjectMode.NEVER);
        return new LinkPipeline(offline, provider, KeyResolver.create(offline), entries -> { }, target);
    }

    /** @return the link settings in force */
    public LinkSettings settings() {
        return settings;
    }
}
