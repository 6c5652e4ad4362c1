import dev.s3notify.core.Digest;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.dispatch.WebhookSender;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One webhook POST from a fresh JVM through core's public sender ({@code WebhookSender.create}), and nothing else:
 * the first request's whole cost, TLS included for an https URL. Prints the status and exits with System.exit, as
 * the command line does. Usage: {@code java -cp <s3-notify.jar>:<classes> FirstPost <webhook URL>}.
 */
public final class FirstPost {
    private FirstPost() {
    }

    public static void main(String[] args) {
        WebhookFormatter formatter = new WebhookFormatter() {
            @Override
            public WebhookRequest format(Notification notification) {
                return WebhookRequest.json("{\"content\":\"New file report.pdf\"}");
            }

            @Override
            public Optional<WebhookRequest> formatDigest(Digest digest) {
                return Optional.empty();
            }

            @Override
            public RateLimit rateLimit() {
                return RateLimit.UNKNOWN;
            }
        };
        Instant now = Instant.now();
        LinkEvent event = LinkEvent.builder().fileName("report.pdf").fileUrl("https://example.test/report.pdf")
                .bucket("uploads").expirationTime("24 hours").timestamp(now).key("reports/report.pdf").size(1234L)
                .eventType(EventType.CREATED).eventTime(now).expiresAt(now.plus(Duration.ofDays(1)))
                .region("us-east-1").sourceEventId("s3-evt-1").build();
        Destination destination = new Destination("bench", "generic", formatter,
                MessageTemplate.compile("{{fileName}}", "MESSAGE_TEMPLATE", text -> text),
                DigestTemplate.compile("{{#files}}{{fileName}}{{/files}}", "DIGEST_TEMPLATE", text -> text),
                Secret.of(args[0]));
        Notification notification = new Notification(event, "New file report.pdf", "evt-1");
        WebhookSender.Delivered delivered = WebhookSender.create(Duration.ofSeconds(10), 1).send(destination,
                destination.request(notification), notification, now.plusSeconds(20));
        System.out.println(delivered.status());
        System.exit(0);
    }
}
