package dev.s3notify.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.routes.RouteFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bursts of uploads, and a lone upload, through the queue path as deployed (the template's digest window, batching
 * window, batch size, concurrency, visibility timeout and redrive), on simulated time, to loopback webhooks enforcing
 * platform-like limits. Prints the figures; asserts what must hold: every file reachable from exactly one delivered
 * message per destination, nothing dead-lettered, nothing delivered twice, a lone upload announced within 3 s.
 */
class QueueSimulationTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration LATENCY = Duration.ofMillis(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    /** The rates the shipped formatters declare: Discord 5 per 2 s, Slack 1 per second, Teams 1 per second. */
    private static final Map<String, RateLimit> DECLARED = Map.of("discord", RateLimit.of(5, Duration.ofSeconds(2)),
            "slack", RateLimit.of(1, Duration.ofSeconds(1)), "teams", RateLimit.of(1, Duration.ofSeconds(1)));
    private final TemplateSettings template = TemplateSettings.read();
    private final VirtualClock clock = new VirtualClock(T0);

    private static Destination destination(String kind, LimitedWebhook webhook) {
        return QueueFixtures.destination(kind, webhook.url("/hooks/" + kind + "/token"), DECLARED.get(kind),
                QueueFixtures.TEXT_LIMIT);
    }

    private static LinkEvent upload(int n, Instant at) {
        String key = "uploads/2026-11/photo-" + n + ".jpg";
        String url = "https://uploads.s3.eu-west-1.amazonaws.com/" + key + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=ASIAEXAMPLE%2F20261130%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261130T120000Z"
                + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "%064x".formatted(n);
        return LinkEvent.builder().fileName("photo-" + n + ".jpg").fileUrl(url).bucket("uploads")
                .expirationTime("24 hours").timestamp(at).key(key).size(2_000_000L + n).eventType(EventType.CREATED)
                .eventTime(at).expiresAt(at.plusSeconds(86_400)).region("eu-west-1").sourceEventId("s3-event-" + n)
                .build();
    }

    /** @return the simulation of these uploads to one Discord-like webhook, run and reported under this title */
    private Simulation toDiscord(LimitedWebhook discord, String title, Map<LinkEvent, Instant> uploads) {
        Simulation simulation = new Simulation(template, clock, List.of(destination("discord", discord))).run(uploads);
        report(title, template, simulation, Map.of("discord", discord));
        return simulation;
    }

    /** @return so many uploads, one every so many milliseconds from {@link #T0}, each with when it reaches the queue */
    private static Map<LinkEvent, Instant> uploads(int count, long everyMillis) {
        Map<LinkEvent, Instant> uploads = new LinkedHashMap<>();
        for (int n = 0; n < count; n++) {
            Instant at = T0.plusMillis(n * everyMillis);
            uploads.put(upload(n, at), at);
        }
        return uploads;
    }

    /**
     * Every file link reachable from what a webhook accepted, once per message: the links the message lists and
     * those of the index page it links to (a digest may list a few files and link the page listing them all).
     */
    private static List<String> reachable(LimitedWebhook webhook, Map<String, String> pages) {
        List<String> links = new ArrayList<>();
        for (String body : webhook.bodies()) {
            String text;
            try {
                text = JSON.readTree(body).get("text").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> message = new LinkedHashSet<>();
            for (String word : text.split("\\s+")) {
                if (pages.containsKey(word)) {
                    Matcher href = HREF.matcher(pages.get(word));
                    while (href.find()) {
                        message.add(href.group(1).replace("&amp;", "&"));
                    }
                } else if (word.startsWith("https://")) {
                    message.add(word);
                }
            }
            links.addAll(message);
        }
        return links;
    }

    @Test
    void deliversTenThousandUploadsInAMinuteToThreePlatformsWithinTheirLimits() {
        try (LimitedWebhook discord = new LimitedWebhook(clock, 5, Duration.ofSeconds(2), LATENCY);
                LimitedWebhook slack = new LimitedWebhook(clock, 1, Duration.ofSeconds(1), LATENCY);
                LimitedWebhook teams = new LimitedWebhook(clock, 4, Duration.ofSeconds(1), LATENCY)) {
            Map<LinkEvent, Instant> uploads = uploads(10_000, 6);
            Simulation simulation = new Simulation(template, clock, List.of(destination("discord", discord),
                    destination("slack", slack), destination("teams", teams))).run(uploads);

            report("10,000 uploads over 60 s", template, simulation, Map.of("discord", discord, "slack", slack,
                    "teams", teams));
            List<String> all = uploads.keySet().stream().map(LinkEvent::fileUrl).toList();
            for (LimitedWebhook webhook : List.of(discord, slack, teams)) {
                List<String> links = reachable(webhook, simulation.pages());
                assertThat(links).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
            }
            assertThat(simulation.deadLettered).isZero();
            assertThat(simulation.maxReceives).isLessThan(template.maxReceiveCount() / 2);
            assertThat(simulation.posted.stream().mapToInt(p -> p.files().size()).sum()).isEqualTo(3 * 10_000);
        }
    }

    /** A route: a destination on a platform's webhook, taking what the filter lets through. */
    private static Destination route(String name, String kind, LimitedWebhook webhook, RouteFilter filter) {
        Destination plain = destination(kind, webhook);
        return new Destination(name, kind, plain.formatter(), plain.template(), plain.digestTemplate(), plain.url(),
                Destination.Routing.named(filter, null));
    }

    @Test
    void deliversEachUploadOnceToEveryRouteItMatchesWithTwoRoutesSharingOneWebhooksBudget() {
        try (LimitedWebhook discord = new LimitedWebhook(clock, 5, Duration.ofSeconds(2), LATENCY);
                LimitedWebhook slack = new LimitedWebhook(clock, 1, Duration.ofSeconds(1), LATENCY);
                LimitedWebhook teams = new LimitedWebhook(clock, 4, Duration.ofSeconds(1), LATENCY)) {
            // Every third upload a photo, an invoice, a legal document; one in ten under none of those prefixes.
            String[] kinds = {"photos/p-%d.jpg", "invoices/inv-%d.pdf", "legal/doc-%d.docx", "misc/n-%d.txt"};
            Map<LinkEvent, Instant> uploads = new LinkedHashMap<>();
            for (int n = 0; n < 3_000; n++) {
                Instant at = T0.plusMillis(n * 10L);
                LinkEvent photo = upload(n, at);
                String key = kinds[n % 10 == 9 ? 3 : n % 3].formatted(n);
                uploads.put(photo.toBuilder().key(key).fileName(key.substring(key.indexOf('/') + 1))
                        .fileUrl(photo.fileUrl().replace("uploads/2026-11/photo-" + n + ".jpg", key)).build(), at);
            }
            List<Destination> routes = List.of(
                    route("photos", "discord", discord, RouteFilter.builder().suffix(".jpg").build()),
                    route("legal", "discord", discord, RouteFilter.builder().prefix("legal/").build()),
                    route("invoices", "slack", slack, RouteFilter.builder().glob("invoices/**/*.pdf").build()),
                    route("everything", "teams", teams, RouteFilter.builder().bucket("uploads").build()));
            Simulation simulation = new Simulation(template, clock, routes).run(uploads);

            report("3,000 uploads over 30 s to four routes on three webhooks (photos and legal share Discord's)",
                    template, simulation, Map.of("discord", discord, "slack", slack, "teams", teams));
            List<String> photos = links(uploads, ".jpg");
            List<String> legal = uploads.keySet().stream().filter(e -> e.key().startsWith("legal/"))
                    .map(LinkEvent::fileUrl).toList();
            List<String> both = new ArrayList<>(photos);
            both.addAll(legal);
            assertThat(reachable(discord, simulation.pages())).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(both);
            assertThat(reachable(slack, simulation.pages())).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(links(uploads, ".pdf"));
            assertThat(reachable(teams, simulation.pages())).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(uploads.keySet().stream().map(LinkEvent::fileUrl).toList());
            assertThat(simulation.deadLettered).isZero();
            assertThat(simulation.maxReceives).isLessThan(template.maxReceiveCount() / 2);
            // One budget for the webhook the two routes share: its limit is kept as well as with one route.
            assertThat(discord.tooMany()).isLessThanOrEqualTo(discord.bodies().size() / 20);
        }
    }

    private static List<String> links(Map<LinkEvent, Instant> uploads, String suffix) {
        return uploads.keySet().stream().filter(e -> e.key().endsWith(suffix)).map(LinkEvent::fileUrl).toList();
    }

    @Test
    void givesRateLimitedDigestsBackToTheQueueAndDeliversThemOnceWhenAWebhookIsStricterThanDeclared() {
        // Slack declared 1 per second; this one takes 1 per 20 s, so the dispatcher meets 429s and defers.
        try (LimitedWebhook discord = new LimitedWebhook(clock, 5, Duration.ofSeconds(2), LATENCY);
                LimitedWebhook slack = new LimitedWebhook(clock, 1, Duration.ofSeconds(20), LATENCY)) {
            Map<LinkEvent, Instant> uploads = uploads(10_000, 6);
            Simulation simulation = new Simulation(template, clock, List.of(destination("discord", discord),
                    destination("slack", slack))).run(uploads);

            report("10,000 uploads over 60 s, Slack stricter than declared", template, simulation,
                    Map.of("discord", discord, "slack", slack));
            List<String> all = uploads.keySet().stream().map(LinkEvent::fileUrl).toList();
            for (LimitedWebhook webhook : List.of(discord, slack)) {
                assertThat(reachable(webhook, simulation.pages())).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(all);
            }
            assertThat(slack.tooMany()).isPositive();
            assertThat(simulation.maxReceives).isGreaterThan(1).isLessThan(template.maxReceiveCount());
            assertThat(simulation.deadLettered).isZero();
        }
    }

    @Test
    void deliversABurstOfTwoHundredToADiscordWebhookInOneWindowWithAlmostNoRateLimiting() {
        try (LimitedWebhook discord = new LimitedWebhook(clock, 5, Duration.ofSeconds(2), LATENCY)) {
            Map<LinkEvent, Instant> uploads = uploads(200, 0);
            Simulation simulation = toDiscord(discord, "200 uploads at once", uploads);
            BurstFigures figures = new BurstFigures(uploads.size(), 5, Duration.ofSeconds(2), template,
                    discord.bodies().size(), discord.tooMany(), lastMessage(discord),
                    simulation.lambdaTime.toMillis() / 1000.0, simulation.invocations, simulation.deadLettered);
            figures.write();
            assertThat(reachable(discord, simulation.pages())).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(uploads.keySet().stream().map(LinkEvent::fileUrl).toList());
            assertThat(simulation.deadLettered).isZero();
            assertThat(discord.tooMany()).isLessThanOrEqualTo(5);
            assertThat(figures.messages()).isEqualTo(figures.idealMessages());
            assertThat(figures.lastDeliverySeconds()).isLessThanOrEqualTo(template.windowSeconds() + 30.0);
        }
    }

    @Test
    void announcesALoneUploadWithinThreeSecondsOfItsLinkEvent() {
        try (LimitedWebhook discord = new LimitedWebhook(clock, 5, Duration.ofSeconds(2), LATENCY)) {
            Map<LinkEvent, Instant> uploads = Map.of(upload(0, T0), T0);
            Simulation simulation = toDiscord(discord, "a lone upload", uploads);
            double latency = lastMessage(discord);
            BurstFigures.merge(Map.of("lone", Map.of("uploads", 1, "messages", discord.bodies().size(),
                    "announcedAfterSeconds", latency, "targetSeconds", 3.0)));
            assertThat(simulation.posted).singleElement().satisfies(p -> assertThat(p.digest()).isFalse());
            assertThat(latency).isLessThanOrEqualTo(3.0);
        }
    }

    @Test
    void gathersTheUploadsThatFollowWithinTheWindowIntoOneDigestWhenItCloses() {
        try (LimitedWebhook discord = new LimitedWebhook(clock, 5, Duration.ofSeconds(2), LATENCY)) {
            Map<LinkEvent, Instant> uploads = new LinkedHashMap<>();
            for (int at : new int[] {0, 5, 8, 12}) {
                uploads.put(upload(at, T0.plusSeconds(at)), T0.plusSeconds(at));
            }
            Simulation simulation = toDiscord(discord, "an upload, then three more within the window", uploads);
            assertThat(simulation.posted).extracting(p -> p.files().size()).containsExactly(1, 3);
            List<Instant> times = discord.times();
            assertThat(Duration.between(T0, times.get(0))).isLessThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(Duration.between(T0, times.get(1))).isBetween(Duration.ofSeconds(template.windowSeconds()),
                    Duration.ofSeconds(template.windowSeconds() + 3));
            assertThat(reachable(discord, simulation.pages())).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(uploads.keySet().stream().map(LinkEvent::fileUrl).toList());
        }
    }

    @Test
    void sendsABurstSpreadOverTenSecondsInAFirstMessageAndFewDigests() {
        try (LimitedWebhook discord = new LimitedWebhook(clock, 5, Duration.ofSeconds(2), LATENCY)) {
            Map<LinkEvent, Instant> uploads = uploads(200, 50);
            Simulation simulation = toDiscord(discord, "200 uploads over 10 s", uploads);
            BurstFigures.merge(Map.of("spread", Map.of("uploads", 200, "overSeconds", 10, "messages",
                    discord.bodies().size(), "tooMany", discord.tooMany(), "lastDeliverySeconds", lastMessage(discord))));
            assertThat(reachable(discord, simulation.pages())).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(uploads.keySet().stream().map(LinkEvent::fileUrl).toList());
            assertThat(discord.bodies().size()).isLessThanOrEqualTo(1 + template.concurrency());
            assertThat(discord.tooMany()).isLessThanOrEqualTo(5);
            assertThat(lastMessage(discord)).isLessThanOrEqualTo(10 + template.windowSeconds() + 30.0);
            assertThat(simulation.deadLettered).isZero();
        }
    }

    /** @return seconds from the burst's start to the last message the webhook received, 0 if none */
    private static double lastMessage(LimitedWebhook webhook) {
        List<Instant> times = webhook.times();
        return times.isEmpty() ? 0.0 : Duration.between(T0, times.get(times.size() - 1)).toMillis() / 1000.0;
    }

    private static void report(String title, TemplateSettings template, Simulation simulation,
            Map<String, LimitedWebhook> webhooks) {
        StringBuilder out = new StringBuilder("\n[queue simulation] ").append(title).append(String.format(Locale.ROOT,
                " (digest window %d s, batching window %d s, batch %d, concurrency %d, visibility %d s,"
                + " maxReceiveCount %d)%n", template.windowSeconds(), template.batchingSeconds(), template.batchSize(), template.concurrency(), template.visibilityTimeout(),
                template.maxReceiveCount()));
        webhooks.forEach((kind, webhook) -> out.append(String.format(Locale.ROOT,
                "  %-8s messages sent %4d, 429s met %3d, last message at %.1f s%n", kind, webhook.bodies().size(),
                webhook.tooMany(), lastMessage(webhook))));
        out.append(String.format(Locale.ROOT, "  invocations %d, Lambda-seconds %.1f, backlog drained at %.1f s,"
                + " dead-lettered %d, most receives of one message %d%n", simulation.invocations,
                simulation.lambdaTime.toMillis() / 1000.0, Duration.between(T0, simulation.drained).toMillis() / 1000.0,
                simulation.deadLettered, simulation.maxReceives));
        System.out.println(out);
    }
}
