package dev.s3notify.core.links;

import dev.s3notify.core.EventEntry;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.decoding.Batch;
import dev.s3notify.core.decoding.Envelope;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.decoding.S3EventDecoder;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.SnapshotState;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.LinkContext;
import dev.s3notify.spi.LinkGenerator;
import dev.s3notify.spi.LinkGeneratorProvider;
import dev.s3notify.spi.LinkSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    private final LinkSettings settings;
    private final LinkGeneratorProvider provider;
    private final KindSettings own;
    private final LinkGenerator generator;
    private final KeyResolver resolver;
    private final EventPublisher publisher;
    private final PublishTarget target;
    private final Offline offline;
    private final S3EventDecoder decoder = new S3EventDecoder();

    public LinkPipeline(LinkSettings settings, LinkGeneratorProvider provider, KindSettings own,
            KeyResolver resolver, EventPublisher publisher, PublishTarget target, Offline offline) {
        this.settings = settings;
        this.provider = provider;
        this.own = own;
        this.generator = provider.create(LinkContext.of(own, settings.signer()));
        this.resolver = resolver;
        this.publisher = publisher;
        this.target = target;
        this.offline = offline;
    }

    /**
     * What priming and SnapStart need besides the pipeline itself.
     *
     * @param signer signs with placeholder keys, for priming
     * @param publish runs a PutEvents call through the SDK without sending it, for priming
     * @param head runs a HeadObject call through the SDK without sending it, for priming
     * @param forget drops every credential fetched so far (the role's and the signing keys)
     */
    public record Offline(LinkSigner signer, Consumer<List<EventEntry>> publish, Runnable head, Runnable forget) {
    }

    /** Where events go and how they are labelled ({@code EVENT_SOURCE}, {@code EVENT_DETAIL_TYPE}, bus). */
    public record PublishTarget(String source, String detailType, String busName) {
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
        return handle(input, now, null);
    }

    /**
     * @param input the raw invocation payload
     * @param now the time links count from
     * @param deadline when the invocation ends: every AWS call ends before it; null for none
     * @return what was published and which SQS messages failed
     * @throws S3NotifyException when the invocation must fail as a whole (not an SQS batch)
     */
    public Outcome handle(byte[] input, Instant now, Instant deadline) {
        Batch batch = Batch.of(input);
        List<EventEntry> published = new ArrayList<>();
        List<EventEntry> pending = new ArrayList<>();
        List<String> failed = batch.forEach(envelope -> {
            List<EventEntry> entries = entries(envelope, now, deadline);
            if (batch.isSqs()) {
                // Published message by message, so that one message's failure is that message's alone.
                publish(entries, deadline);
                published.addAll(entries);
            } else {
                pending.addAll(entries);
            }
        });
        publish(pending, deadline);
        published.addAll(pending);
        return new Outcome(published, failed);
    }

    private List<EventEntry> entries(Envelope envelope, Instant now, Instant deadline) {
        if (envelope.error() != null) {
            throw envelope.error();
        }
        List<EventEntry> entries = new ArrayList<>();
        for (ObjectEvent event : decoder.decode(envelope.body())) {
            entries.add(entry(event, now, deadline));
        }
        return entries;
    }

    private EventEntry entry(ObjectEvent event, Instant now, Instant deadline) {
        ObjectEvent object = event;
        Link link = null;
        if (event.type().downloadable()) {
            object = resolver.resolve(event, deadline);
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

    private void publish(List<EventEntry> entries, Instant deadline) {
        if (!entries.isEmpty()) {
            publisher.publish(entries, deadline);
        }
    }

    /**
     * Drops the credentials this pipeline has cached (the role's, and the keys of {@code LINK_SIGNING_SECRET_ARN}),
     * the shared HTTP client's pooled connections and the retry jitter's seed. Called before a Lambda SnapStart
     * snapshot is taken and after it is restored, so that no snapshot holds credentials and no restored environment
     * reuses what another one has; the next invocation fetches them anew.
     */
    public void forgetCached() {
        offline.forget().run();
        settings.signer().forget();
        SnapshotState.forget();
    }

    /**
     * Runs a HeadObject call through the SDK up to the point of sending (when HeadObject is ever called), then
     * returns a copy of this pipeline that signs with placeholder keys (on the same presigners), never calls
     * HeadObject, and runs its PutEvents calls through the SDK up to the point of sending.
     *
     * @return the copy: it runs an invocation's code without the network or credentials, to load and compile it
     *     before a SnapStart snapshot
     */
    public LinkPipeline primer() {
        LinkSettings primed = settings.with(offline.signer(), LinkSettings.HeadObjectMode.NEVER);
        offline.head().run();
        return new LinkPipeline(primed, provider, own, KeyResolver.create(primed, null), entries -> {
            offline.publish().accept(entries);
        }, target, offline);
    }

    /** @return the link settings in force */
    public LinkSettings settings() {
        return settings;
    }
}
