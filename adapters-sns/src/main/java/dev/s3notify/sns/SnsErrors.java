package dev.s3notify.sns;

/** Words SNS's refusals, which {@link SnsDelivery} hands on as "Code: message". */
final class SnsErrors {
    private SnsErrors() {
    }

    static String describe(int status, String body) {
        String reason = body == null ? "" : body.strip().replaceAll("[\\p{Cc}\\s]+", " ");
        String hint = switch (status) {
            case 404 -> "the topic does not exist in that account and region: check the ARN, or create the topic";
            case 401, 403 -> "the function's role needs sns:Publish on the topic (and, for a topic encrypted with a"
                    + " customer managed key, kms:GenerateDataKey and kms:Decrypt on the key)";
            case 400 -> "SNS refused the message";
            default -> "";
        };
        if (reason.isEmpty() && hint.isEmpty()) {
            return "";
        }
        return SnsFormatter.ERROR.cut("SNS: " + (reason.isEmpty() ? "no explanation" : reason)
                + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }
}
