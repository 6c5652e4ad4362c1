package dev.s3notify.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WEBHOOK_KIND=sns: the topic's ARN in WebhookUrl grants the dispatcher sns:Publish on that topic and nothing else;
 * a webhook URL grants nothing.
 */
class TemplateSnsTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final String DISPATCHER = "WebhookDispatcherFunction";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:uploads";
    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(ROOT.resolve("lambda-bundle/template.yaml"));
    }

    @Test
    void grantsPublishOnTheNamedTopicOnly() {
        RenderedTemplate rendered = new RenderedTemplate(template, Map.of("WebhookKind", "sns", "WebhookUrl", TOPIC));

        assertThat(rendered.environment(DISPATCHER)).containsEntry("WEBHOOK_URL", TOPIC)
                .containsEntry("WEBHOOK_KIND", "sns");
        List<Map<String, Object>> statements = rendered.statements(DISPATCHER);
        assertThat(statements).extracting(s -> s.get("Sid")).containsExactly("PublishToSnsTopic");
        assertThat(statements.get(0)).containsEntry("Action", "sns:Publish").containsEntry("Resource", TOPIC);
    }

    @Test
    void grantsNothingForAWebhookUrl() {
        RenderedTemplate rendered = new RenderedTemplate(template, Map.of("WebhookUrl",
                "https://hooks.slack.com/services/T/B/x"));

        assertThat(rendered.condition("PublishesToSnsTopic")).isFalse();
        assertThat(rendered.statements(DISPATCHER)).isEmpty();
    }
}
