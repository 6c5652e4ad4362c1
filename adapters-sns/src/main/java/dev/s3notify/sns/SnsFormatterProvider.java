package dev.s3notify.sns;

import dev.s3notify.spi.AwsClients;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.SpiVersion;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Amazon SNS topics ({@code WEBHOOK_KIND=sns}): the topic's ARN goes where a webhook URL would, and each message is
 * published to it with the SDK's SNS client, built as core builds its own ({@link AwsClients}). Two shapes
 * ({@code SNS_MESSAGE_SHAPE}): {@code text}, plain text with a subject for email and SMS subscribers, and
 * {@code chatbot}, the custom-notification JSON that Amazon Q Developer in chat applications posts to Slack, Microsoft
 * Teams or Amazon Chime channels subscribed to the topic.
 */
public final class SnsFormatterProvider implements WebhookFormatterProvider {
    static final String FUNCTION = "webhook-dispatcher";
    static final Variable<String> MESSAGE_SHAPE = Variable.choice("SNS_MESSAGE_SHAPE", FUNCTION, "text",
            "What is published to the SNS topic: text (plain text and a subject, for email and SMS subscribers) or"
                    + " chatbot (Amazon Q Developer in chat applications' custom notification, for the chat"
                    + " channels it posts the topic to).", "text", "chatbot");
    static final Variable<String> SUBJECT = Variable.text("SNS_SUBJECT", FUNCTION, null,
            "Mustache template of the subject of text messages (email subscribers see it), made ASCII, one line,"
                    + " at most 100 characters; unset: the event and the file name.");
    static final Variable<URI> ENDPOINT = Variable.url("AWS_ENDPOINT_URL_SNS", FUNCTION, false,
            "endpoint for SNS only; wins over AWS_ENDPOINT_URL");

    /** For ServiceLoader. */
    public SnsFormatterProvider() {
    }

    /** @return {@code sns} */
    @Override
    public String kind() {
        return "sns";
    }

    /** @return {@code SNS_MESSAGE_SHAPE}, {@code SNS_SUBJECT} and {@code AWS_ENDPOINT_URL_SNS} */
    @Override
    public List<Variable<?>> variables() {
        return List.of(MESSAGE_SHAPE, SUBJECT, ENDPOINT);
    }

    /**
     * @param webhookUrl the configured destination
     * @return whether it is an SNS ARN ({@code arn:PARTITION:sns:...}), so that {@code WEBHOOK_KIND} may stay unset
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return TopicArn.isSns(webhookUrl.toString());
    }

    /**
     * @param webhookUrl the configured destination
     * @return why it is not a topic this kind can publish to: anything but an SNS topic's ARN
     *     ({@code arn:aws:sns:REGION:ACCOUNT:TOPIC})
     */
    @Override
    public Optional<String> refuses(URI webhookUrl) {
        return TopicArn.problem(webhookUrl.toString());
    }

    /** @return a sentence per event type, with the link and its lifetime: plain text, or client-markdown */
    @Override
    public String defaultTemplate() {
        return SnsTemplates.MESSAGE;
    }

    /** @return one line per file with its link, then the index link */
    @Override
    public String defaultDigestTemplate() {
        return SnsTemplates.DIGEST;
    }

    /** @return {@link SpiVersion#CURRENT}: it needs {@code delivery()} and {@code FormatterContext.aws()} (3) */
    @Override
    public int apiVersion() {
        return SpiVersion.CURRENT;
    }

    /**
     * @param context the validated values of {@link #variables()}, and core's AWS client set-up (absent in the
     *     contract kit's context: the formatter then formats but has no delivery)
     * @return the formatter
     */
    @Override
    public WebhookFormatter create(FormatterContext context) {
        Shape shape = Shape.of(context.settings().get(MESSAGE_SHAPE));
        Subjects subjects = Subjects.compile(context.settings().get(SUBJECT));
        URI endpoint = context.settings().get(ENDPOINT);
        SnsDelivery delivery = context.aws().map(aws -> new SnsDelivery(aws, endpoint)).orElse(null);
        return new SnsFormatter(shape, subjects, delivery);
    }
}
