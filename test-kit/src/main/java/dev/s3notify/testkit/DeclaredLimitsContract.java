package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The promise a formatter's {@link WebhookFormatter#limits()} makes: what the dispatcher sends (the message fitted by
 * core's {@link MessageFit}) stays within the declared body limit for hostile input, and
 * {@link WebhookFormatter#describeError} stays within the declared error limit. Extend it in the formatter's test
 * sources beside {@link WebhookFormatterContract}.
 */
public abstract class DeclaredLimitsContract {
    private static final List<String> ERROR_BODIES = List.of("x".repeat(20_000),
            "{\"error\":\"" + "e".repeat(5_000) + "\",\"message\":\"" + "m".repeat(5_000) + "\"}",
            "{\"code\":50035,\"message\":\"" + "📄".repeat(3_000) + "\"}",
            "{\"error\":{\"code\":\"" + "c".repeat(3_000) + "\",\"message\":\"" + "m".repeat(3_000) + "\"}}",
            "invalid_payload", "", "line one\n" + "two".repeat(3_000));

    /** @return the provider under test */
    protected abstract WebhookFormatterProvider provider();

    /** @return the values of the formatter's variables to test with; the default sets none */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Test
    void keepsWhatTheDispatcherSendsWithinTheDeclaredBodyLimit() {
        WebhookFormatter formatter = formatter();
        int max = formatter.limits().bodyBytes();
        for (LinkEvent event : events()) {
            for (String template : List.of(provider().defaultTemplate(), "{{key}} ".repeat(60) + "{{{fileUrl}}}")) {
                String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                        .render(TemplateModel.of(event, "evt-1"));
                String body = MessageFit.request(provider().kind(), formatter,
                        new Notification(event, message, "evt-1")).body();
                assertThat(TextUnit.UTF8_BYTES.length(body)).as(event.key()).isLessThanOrEqualTo(max);
            }
        }
    }

    @Test
    void describesErrorsWithinTheDeclaredErrorLimit() {
        WebhookFormatter formatter = formatter();
        for (int status : new int[] {400, 401, 404, 413, 429, 500}) {
            for (String body : ERROR_BODIES) {
                String described = formatter.describeError(status, body);
                assertThat(formatter.limits().error().fits(described)).as(status + ": " + described).isTrue();
            }
        }
    }

    @Test
    void declaresTheSameLimitsEveryTime() {
        WebhookFormatter formatter = formatter();
        MessageLimits limits = formatter.limits();
        assertThat(formatter.limits().toString()).isEqualTo(limits.toString());
        assertThat(limits.bodyBytes()).isPositive();
        assertThat(limits.message().max()).isPositive();
    }

    private WebhookFormatter formatter() {
        return provider().create(FormatterContext.of(KindSettings.of(provider().variables(), settings())));
    }

    private static List<LinkEvent> events() {
        String longUrl = HostileInput.longUrl("long", 2_000);
        return List.of(HostileInput.created(HostileInput.LONG_KEY, HostileInput.url("k")),
                HostileInput.created("📄".repeat(256), HostileInput.url("u")),
                HostileInput.created("uploads/" + HostileInput.METACHAR_NAME, longUrl),
                HostileInput.deleted("uploads/" + HostileInput.PINGING_NAME), HostileInput.oldSystemEvent());
    }
}
