package dev.s3notify.teams;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.text.Fitting;
import dev.s3notify.core.text.TextLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A digest as an Adaptive Card: the summary as title, the rendered digest template listing as many files as fit in
 * Teams' 28,000 bytes, the buckets and total size as facts, and an "All files" button to the index page.
 */
final class TeamsDigestCard {
    private TeamsDigestCard() {
    }

    /**
     * @param digest the files
     * @return the JSON body; empty when not every file fits and there is no index link
     */
    static Optional<String> body(Digest digest) {
        CardContent content = content(digest);
        Predicate<String> fits = message -> TeamsCard.bytes(body(content, message)) <= TeamsCard.MAX_BODY_BYTES;
        int listed = digest.mostListed(n -> fits.test(digest.message(n)));
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        if (listed < 0) {
            // Not even the lines around the list fit (a very long DIGEST_TEMPLATE): core cuts them; the button stays.
            String cut = Fitting.longest(digest.message(0), List.of(), digest.indexLink().map(Link::url).stream()
                    .toList(), fits).orElse("");
            return Optional.of(body(content, cut));
        }
        return Optional.of(body(content, digest.message(listed)));
    }

    private static String body(CardContent content, String message) {
        return TeamsCard.write(TeamsCard.envelope(content, message));
    }

    private static CardContent content(Digest digest) {
        List<CardContent.Fact> facts = new ArrayList<>();
        facts.add(CardContent.fact(digest.buckets().size() == 1 ? "Bucket" : "Buckets",
                String.join(", ", digest.buckets()), CardContent.MAX_FACT));
        if (digest.totalSize() > 0) {
            facts.add(new CardContent.Fact("Total size", TemplateModel.sizeText(digest.totalSize())));
        }
        String index = digest.indexLink().map(Link::url).map(CardContent::offerable).orElse(null);
        String title = "📁 " + TextLimit.codePoints(CardContent.MAX_TITLE).cut(digest.summary(TeamsMarkdown::escape));
        return new CardContent(title, facts, index, digest.indexLink().isPresent() && index == null,
                "All " + digest.count() + " files");
    }
}
