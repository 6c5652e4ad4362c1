package dev.s3notify.discord;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.text.TextLimit;
import java.util.Optional;

/**
 * The embed of a digest: the summary as title (linking to the index page when there is one), and as description
 * the rendered digest template listing as many files as fit in Discord's limits: 4,096 characters, and 6,000
 * across the title, description and footer.
 */
final class DiscordDigestEmbed {
    private DiscordDigestEmbed() {
    }

    /**
     * @param digest the files
     * @param color the side colour
     * @param footer the footer text, or null for none
     * @return the embed; empty when not every file fits and there is no index link
     */
    static Optional<ObjectNode> of(Digest digest, long color, String footer) {
        String title = DiscordEmbed.TITLE.cut("📁 " + digest.summary(DiscordText::escape));
        String footerText = DiscordEmbed.footer(footer);
        TextLimit description = DiscordEmbed.DESCRIPTION.withMax(Math.min(DiscordEmbed.DESCRIPTION.max(),
                DiscordEmbed.TOTAL_MAX - DiscordEmbed.length(title) - DiscordEmbed.length(footerText)));
        // The template's own text is neutralised too: a literal @everyone in DIGEST_TEMPLATE shows, pinging no one.
        int listed = digest.mostListed(n -> description.fits(DiscordText.neutralise(digest.message(n))));
        Optional<Link> index = digest.indexLink();
        if (listed < digest.count() && index.isEmpty()) {
            return Optional.empty();
        }
        // Not even the summary lines fit (a very long DIGEST_TEMPLATE): cut them; the title links to the index.
        String text = DiscordText.neutralise(listed < 0 ? digest.message(0) : digest.message(listed));
        text = listed < 0 ? description.cut(text) : text;

        ObjectNode embed = JsonNodeFactory.instance.objectNode();
        embed.put("title", title);
        index.map(Link::url).filter(DiscordEmbed::linkFits).ifPresent(url -> embed.put("url", url));
        if (!text.isBlank()) {
            embed.put("description", text);
        }
        embed.put("color", color);
        DiscordEmbed.finish(embed, footerText, digest.files().get(digest.count() - 1));
        return Optional.of(embed);
    }
}
