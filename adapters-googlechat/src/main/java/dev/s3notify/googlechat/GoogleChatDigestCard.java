package dev.s3notify.googlechat;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.Fitting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A digest as one message: the rendered digest template as the text, listing as many files as fit in Chat's 32,000
 * bytes, and a card with the summary as header, the buckets, the total size and an "All N files" button to the index
 * page.
 */
final class GoogleChatDigestCard {
    private GoogleChatDigestCard() {
    }

    /**
     * @param digest the files
     * @param threadKey the thread's key, or null
     * @return the JSON body; empty when not every file fits and there is no index link
     */
    static Optional<String> body(Digest digest, String threadKey) {
        CardContent content = content(digest);
        Predicate<String> fits = text -> GoogleChatCard.bytes(body(content, text, threadKey))
                <= GoogleChatCard.MAX_BODY_BYTES;
        int listed = digest.mostListed(n -> fits.test(digest.message(n)));
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        if (listed < 0) {
            // Not even the lines around the list fit (a very long DIGEST_TEMPLATE): core cuts them; the button stays.
            String cut = Fitting.longest(digest.message(0), List.of(Boundary.ANGLE_BRACKETS),
                    digest.indexLink().map(Link::url).stream().toList(), fits).orElse("");
            return Optional.of(body(content, cut, threadKey));
        }
        return Optional.of(body(content, digest.message(listed), threadKey));
    }

    private static String body(CardContent content, String text, String threadKey) {
        return GoogleChatCard.write(GoogleChatCard.message(content, text, threadKey));
    }

    private static CardContent content(Digest digest) {
        List<CardContent.Fact> facts = new ArrayList<>();
        if (digest.totalSize() > 0) {
            facts.add(new CardContent.Fact("Total size", TemplateModel.sizeText(digest.totalSize())));
        }
        String index = digest.indexLink().map(Link::url).map(CardContent::offerable).orElse(null);
        return new CardContent("📁 " + CardContent.plain(digest.summary(), CardContent.MAX_TITLE),
                CardContent.plain(String.join(", ", digest.buckets()), CardContent.MAX_FACT), facts, index,
                digest.indexLink().isPresent() && index == null, "All " + digest.count() + " files");
    }
}
