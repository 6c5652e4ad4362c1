package dev.s3notify.discord;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.core.text.TextUnit;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one embed of a message, within Discord's embed limits. The title, fields and footer are capped first; the
 * description (the rendered template, which core has cut to {@link #DESCRIPTION}) gets what is left of the 6000
 * characters Discord allows across an embed. With these caps the others take at most about 3,400, so the
 * description always keeps more than 2,500.
 */
final class DiscordEmbed {
    static final TextLimit TITLE = TextLimit.codePoints(256);
    /** The description keeps its links whole: a cut link is a broken link. Declared in DiscordFormatter's limits. */
    static final TextLimit DESCRIPTION = TextLimit.codePoints(4096).keeping(Boundary.LINKS);
    static final TextLimit FIELD_NAME = TextLimit.codePoints(256);
    static final TextLimit FIELD_VALUE = TextLimit.codePoints(1024);
    static final TextLimit FOOTER = TextLimit.codePoints(2048);
    static final int URL_MAX = 2048;
    /** Across the title, description, fields and footer of every embed of a message. */
    static final int TOTAL_MAX = 6000;

    private record Field(String name, String value) {
        Field {
            name = FIELD_NAME.cut(name);
            value = FIELD_VALUE.cut(value);
        }

        int length() {
            return DiscordEmbed.length(name) + DiscordEmbed.length(value);
        }
    }

    private DiscordEmbed() {
    }

    /**
     * @param notification the event and the rendered template
     * @param color the side colour
     * @param footer the footer text, or null for none
     * @return the embed
     */
    static ObjectNode of(Notification notification, long color, String footer) {
        LinkEvent event = notification.event();
        String title = TITLE.cut(title(event));
        List<Field> fields = fields(event);
        String footerText = footer(footer);
        int used = length(title) + fields.stream().mapToInt(Field::length).sum() + length(footerText);
        String description = DESCRIPTION.withMax(Math.min(DESCRIPTION.max(), TOTAL_MAX - used))
                .cut(DiscordText.neutralise(notification.message()));

        ObjectNode embed = JsonNodeFactory.instance.objectNode();
        embed.put("title", title);
        if (linkFits(event.fileUrl())) {
            embed.put("url", event.fileUrl());
        }
        if (!description.isBlank()) {
            embed.put("description", description);
        }
        embed.put("color", color);
        if (!fields.isEmpty()) {
            fields.forEach(f -> embed.withArray("fields").addObject()
                    .put("name", f.name()).put("value", f.value()).put("inline", true));
        }
        finish(embed, footerText, event);
        return embed;
    }

    /** @return the footer, neutralised and capped; empty for none */
    static String footer(String footer) {
        return footer == null ? "" : FOOTER.cut(DiscordText.neutralise(footer));
    }

    /** Adds the footer and the event's time, which end every embed. */
    static void finish(ObjectNode embed, String footerText, LinkEvent event) {
        if (!footerText.isBlank()) {
            embed.putObject("footer").put("text", footerText);
        }
        if (event.timestamp() != null) {
            embed.put("timestamp", event.timestamp().toString());
        }
    }

    static int length(String text) {
        return TextUnit.CODE_POINTS.length(text);
    }

    private static String title(LinkEvent event) {
        String name = !event.fileName().isBlank() ? event.fileName()
                : event.key() != null && !event.key().isBlank() ? event.key() : "(no name)";
        String safeName = DiscordText.escape(name);
        return switch (event.eventType()) {
            case CREATED -> safeName;
            case DELETED -> "File removed: " + safeName;
            case RESTORED -> "File restored: " + safeName;
            case RESTORE_STARTED -> "Restore started: " + safeName;
            case RESTORE_EXPIRED -> "Restored copy expired: " + safeName;
            case OTHER -> "File event: " + safeName;
        };
    }

    private static List<Field> fields(LinkEvent event) {
        List<Field> fields = new ArrayList<>();
        if (event.size() != null) {
            fields.add(new Field("Size", TemplateModel.sizeText(event.size())));
        }
        if (!event.bucket().isBlank()) {
            fields.add(new Field("Bucket", DiscordText.escape(event.bucket())));
        }
        if (event.expiresAt() != null) {
            // Discord shows <t:UNIX:R> in each reader's own terms: "in 24 hours", then "in 3 hours", ...
            fields.add(new Field("Expires", "<t:" + event.expiresAt().getEpochSecond() + ":R>"));
        }
        return fields;
    }

    /** Never cut a link: one Discord would refuse as the embed's URL is left out (the description still has it). */
    static boolean linkFits(String link) {
        if (link == null || link.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
