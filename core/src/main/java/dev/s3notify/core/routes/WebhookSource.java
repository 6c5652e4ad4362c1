package dev.s3notify.core.routes;

import dev.s3notify.core.support.Redact;
import dev.s3notify.core.support.Secret;
import java.util.Objects;

/** Where a route's webhook URL comes from: the document itself, a Secrets Manager secret or an SSM parameter. */
public final class WebhookSource {
    /** The three places. */
    public enum Type {
        /** {@code url}: the URL is in the document. */
        URL("url"),
        /** {@code urlSecretArn}: a Secrets Manager secret holds it. */
        SECRET_ARN("urlSecretArn"),
        /** {@code urlParameter}: an SSM parameter holds it. */
        PARAMETER("urlParameter");

        private final String field;

        Type(String field) {
            this.field = field;
        }

        /** @return the document's field for it */
        public String field() {
            return field;
        }
    }

    private final Type type;
    private final Secret url;
    private final String location;

    private WebhookSource(Type type, Secret url, String location) {
        this.type = type;
        this.url = url;
        this.location = location;
    }

    /** @param url the webhook URL, a credential @return the source */
    public static WebhookSource url(Secret url) {
        return new WebhookSource(Type.URL, Objects.requireNonNull(url, "url"), null);
    }

    /** @param arn the secret's ARN @return the source */
    public static WebhookSource secretArn(String arn) {
        return new WebhookSource(Type.SECRET_ARN, null, Objects.requireNonNull(arn, "arn"));
    }

    /** @param name the parameter's name @return the source */
    public static WebhookSource parameter(String name) {
        return new WebhookSource(Type.PARAMETER, null, Objects.requireNonNull(name, "name"));
    }

    /** @return which of the three */
    public Type type() {
        return type;
    }

    /** @return the URL for {@link Type#URL}, else null */
    public Secret url() {
        return url;
    }

    /** @return the secret's ARN or the parameter's name, else null */
    public String location() {
        return location;
    }

    /** @return for people, never the URL: {@code url (hooks.slack.com)}, {@code urlParameter /s3notify/finance} */
    public String describe() {
        return type.field() + " " + (url != null ? "(" + Redact.host(url.reveal()) + ")" : location);
    }

    @Override
    public String toString() {
        return describe();
    }
}
