package dev.s3notify.core.queue;

import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.dispatch.SimulatedSenders;
import dev.s3notify.core.pacing.Pacer;
import dev.s3notify.core.pacing.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A model of the deployed queue path on simulated time: a standard SQS queue (visibility timeouts in whole seconds,
 * receive counts, redrive after the template's maxReceiveCount), Lambda's event source mapping (the template's batch
 * size, batching window and maximum concurrency, one batch per free execution environment), and per environment the
 * real {@link BatchDispatcher} with core's real webhook sender and rate budgets of its own, posting over loopback
 * HTTP, and the template's digest window, kept in one store all environments share (as the delivery-records table
 * is): messages held for it come back when it closes. DynamoDB and S3 are modelled by their latency only.
 */
final class Simulation {
    static final Duration RECORD_LATENCY = Duration.ofMillis(4);
    static final Duration INDEX_LATENCY = Duration.ofMillis(60);
    static final Duration INVOCATION_OVERHEAD = Duration.ofMillis(30);

    private final TemplateSettings template;
    private final VirtualClock clock;
    private final Map<String, String> pages = new HashMap<>();
    private final Map<String, Message> messages = new HashMap<>();
    private final List<Environment> environments = new ArrayList<>();
    final List<BatchOutcome.Posted> posted = new ArrayList<>();
    int deadLettered;
    int invocations;
    int maxReceives;
    Duration lambdaTime = Duration.ZERO;
    Instant drained;

    /** One upload's message in the queue. */
    private static final class Message {
        final QueuedLink link;
        Instant visibleAt;
        int receives;
        boolean gone;

        Message(QueuedLink link, Instant visibleAt) {
            this.link = link;
            this.visibleAt = visibleAt;
        }
    }

    private record Environment(BatchDispatcher dispatcher, Instant[] freeAt) {
    }

    Simulation(TemplateSettings template, VirtualClock clock, List<Destination> destinations) {
        this.template = template;
        this.clock = clock;
        MemoryDeliveryRecords store = new MemoryDeliveryRecords(clock);
        DeliveryRecords records = new DeliveryRecords() {
            @Override
            public Claim claim(String destination, String event, Instant leaseUntil, Instant deadline) {
                clock.advance(RECORD_LATENCY);
                return store.claim(destination, event, leaseUntil, deadline);
            }

            @Override
            public void delivered(String destination, String event, Instant deadline) {
                clock.advance(RECORD_LATENCY);
                store.delivered(destination, event, deadline);
            }

            @Override
            public void release(String destination, String event, Instant deadline) {
                clock.advance(RECORD_LATENCY);
                store.release(destination, event, deadline);
            }

            // DynamoDbDeliveryRecords makes Parallel.CALLS calls at once.
            @Override
            public Claims claimAll(String destination, List<String> events, Instant leaseUntil, Instant deadline) {
                clock.advance(RECORD_LATENCY.multipliedBy((events.size() + Parallel.CALLS - 1) / Parallel.CALLS));
                Map<String, Claim> claims = new java.util.LinkedHashMap<>();
                events.forEach(e -> claims.put(e, store.claim(destination, e, leaseUntil, deadline)));
                return new Claims(claims, null);
            }

            @Override
            public Failures deliveredAll(String destination, List<String> events, Instant deadline) {
                clock.advance(RECORD_LATENCY.multipliedBy((events.size() + Parallel.CALLS - 1) / Parallel.CALLS));
                events.forEach(e -> store.delivered(destination, e, deadline));
                return Failures.NONE;
            }

            @Override
            public Failures releaseAll(String destination, List<String> events, Instant deadline) {
                clock.advance(RECORD_LATENCY.multipliedBy((events.size() + Parallel.CALLS - 1) / Parallel.CALLS));
                events.forEach(e -> store.release(destination, e, deadline));
                return Failures.NONE;
            }
        };
        IndexStore index = (name, html, expiresAt, deadline) -> {
            clock.advance(INDEX_LATENCY);
            String url = "https://index.example/digests/" + name + "?X-Amz-Signature=" + name.hashCode();
            pages.put(url, html);
            return new Link(url, expiresAt);
        };
        // ChangeMessageVisibility takes whole seconds, as SqsVisibility rounds them.
        Visibility visibility = (links, timeout, deadline) -> {
            Instant visibleAt = clock.instant().plusSeconds(RateLimitedException.visibilitySeconds(timeout));
            links.forEach(l -> messages.get(l.messageId()).visibleAt = visibleAt);
            return Failures.NONE;
        };
        MemoryDigestWindows table = new MemoryDigestWindows();
        Windowing windowing = new Windowing((destination, now, closesAt, deadline) -> {
            clock.advance(RECORD_LATENCY);
            return table.open(destination, now, closesAt, deadline);
        }, Duration.ofSeconds(template.windowSeconds()));
        for (int e = 0; e < template.concurrency(); e++) {
            Pacer pacer = Pacer.of(template.concurrency(), clock, clock::advance);
            MessageSender sender = new WebhookMessageSender(SimulatedSenders.create(clock, clock::advance, e));
            BatchDispatcher dispatcher = new BatchDispatcher(destinations, new BatchDispatcher.Parts(
                    new Composer(new FormatterDigests(), index), records, pacer, sender, visibility,
                    new SplittableRandom(100 + e), DeadLetters.NONE, clock, windowing));
            environments.add(new Environment(dispatcher, new Instant[] {Instant.MIN}));
        }
    }

    /**
     * @param uploads each upload's link event and when its message reaches the queue
     * @return this, run until the queue is empty
     */
    Simulation run(Map<LinkEvent, Instant> uploads) {
        int n = 0;
        for (Map.Entry<LinkEvent, Instant> upload : uploads.entrySet()) {
            n++;
            String id = "msg-" + n;
            messages.put(id, new Message(new QueuedLink(id, "rh-" + n, "arn:aws:sqs:eu-west-1:1:links", "eb-" + n,
                    upload.getKey(), null, null, upload.getValue()), upload.getValue()));
        }
        while (messages.values().stream().anyMatch(m -> !m.gone)) {
            Environment environment = environments.stream().min(Comparator.comparing(e -> e.freeAt()[0]))
                    .orElseThrow();
            invoke(environment);
        }
        return this;
    }

    private void invoke(Environment environment) {
        List<Message> pending = messages.values().stream().filter(m -> !m.gone)
                .sorted(Comparator.comparing(m -> m.visibleAt)).toList();
        Instant free = environment.freeAt()[0];
        Instant start = pending.get(0).visibleAt.isAfter(free) ? pending.get(0).visibleAt : free;
        Instant windowEnd = start.plusSeconds(template.batchingSeconds());
        Instant full = pending.size() >= template.batchSize()
                ? pending.get(template.batchSize() - 1).visibleAt : Instant.MAX;
        Instant at = full.isBefore(windowEnd) ? (full.isAfter(start) ? full : start) : windowEnd;
        List<Message> batch = pending.stream().filter(m -> !m.visibleAt.isAfter(at))
                .limit(template.batchSize()).toList();
        List<QueuedLink> links = new ArrayList<>();
        for (Message m : batch) {
            m.receives++;
            maxReceives = Math.max(maxReceives, m.receives);
            if (m.receives > template.maxReceiveCount()) {
                m.gone = true;
                deadLettered++;
                continue;
            }
            m.visibleAt = at.plusSeconds(template.visibilityTimeout());
            links.add(m.link);
        }
        clock.set(at);
        invocations++;
        BatchOutcome outcome = environment.dispatcher().dispatch(links, Set.of(),
                at.plusSeconds(template.functionTimeout()).minusMillis(1500));
        clock.advance(INVOCATION_OVERHEAD);
        Set<String> failed = new HashSet<>(outcome.failedMessageIds());
        links.stream().filter(l -> !failed.contains(l.messageId())).forEach(l -> messages.get(l.messageId()).gone = true);
        posted.addAll(outcome.posted());
        lambdaTime = lambdaTime.plus(Duration.between(at, clock.instant()));
        environment.freeAt()[0] = clock.instant();
        if (messages.values().stream().allMatch(m -> m.gone)) {
            drained = clock.instant();
        }
    }

    /** @return the index pages written, by their link */
    Map<String, String> pages() {
        return pages;
    }
}
