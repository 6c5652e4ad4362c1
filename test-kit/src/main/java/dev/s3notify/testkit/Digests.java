package dev.s3notify.testkit;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.spi.WebhookFormatter;
import java.util.List;

/** Digests built as the dispatcher builds them, for a formatter's own tests. */
public final class Digests {
    private Digests() {
    }

    /**
     * @param formatter the formatter whose {@code escapeDigest} the template uses
     * @param template the digest template, such as the provider's {@code defaultDigestTemplate()}
     * @param files the files, in order; their notifications get the event ids {@code evt-0}, {@code evt-1}, ...
     * @param index the index page's link, or null for none
     * @return the digest
     */
    public static Digest of(WebhookFormatter formatter, String template, List<LinkEvent> files, Link index) {
        Digest.Builder digest = Digest.builder(DigestTemplate.compile(template, "DIGEST_TEMPLATE",
                formatter::escapeDigest));
        for (int i = 0; i < files.size(); i++) {
            digest.add(new Notification(files.get(i), "", "evt-" + i));
        }
        if (index != null) {
            digest.indexLink(index);
        }
        return digest.build();
    }
}
