package dev.s3notify.sns;

import dev.s3notify.core.text.SafeText;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An SNS topic's ARN, {@code arn:PARTITION:sns:REGION:ACCOUNT:TOPIC}: checked at start-up, its region read. */
final class TopicArn {
    /** Topic names: 1 to 256 letters, digits, hyphens and underscores, {@code .fifo} at the end of a FIFO topic's. */
    private static final Pattern TOPIC = Pattern.compile("arn:(aws[a-z-]*):sns:([a-z]{2}(?:-[a-z]+)+-\\d{1,2})"
            + ":(\\d{12}):((?=[A-Za-z0-9_.-]{1,256}$)[A-Za-z0-9_-]+(?:\\.fifo)?)");
    static final String EXPECTED = "arn:aws:sns:REGION:ACCOUNT:TOPIC (an AWS region such as us-east-1, a 12-digit"
            + " account, a topic name of up to 256 letters, digits, - and _, ending .fifo for a FIFO topic)";

    private TopicArn() {
    }

    /** @return whether the text is an ARN of the sns service, well formed or not */
    static boolean isSns(String text) {
        String[] parts = text.split(":", 4);
        return parts.length == 4 && parts[0].equals("arn") && parts[2].equals("sns");
    }

    /** @return why the text is not a topic's ARN, quoting it briefly when it is an ARN at all; empty when it is */
    static Optional<String> problem(String text) {
        if (TOPIC.matcher(text).matches()) {
            return Optional.empty();
        }
        if (!text.regionMatches(true, 0, "arn:", 0, 4)) {
            // An https URL: a webhook's, a credential, never quoted.
            return Optional.of("the sns kind publishes to an SNS topic, so the destination is the topic's ARN, "
                    + EXPECTED + ", not a URL");
        }
        return Optional.of("it is not an SNS topic's ARN: expected " + EXPECTED + ", got " + SafeText.quote(
                SafeText.cut(text, 200)));
    }

    /** @return the region of a topic's ARN, such as {@code eu-west-1} */
    static String region(String arn) {
        Matcher matcher = TOPIC.matcher(arn);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an SNS topic's ARN");
        }
        return matcher.group(2);
    }

    /** @return whether it names a FIFO topic, which needs a message group and deduplication id */
    static boolean fifo(String arn) {
        return arn.endsWith(".fifo");
    }
}
