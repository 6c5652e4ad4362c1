package dev.s3notify.discord;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.TemplateModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one embed of a message, within Discord's embed limits. The title, fields and footer are capped first; the
 * description (the rendered template) gets what is left of the 6000 characters Discord allows across an embed.
 * With these caps the others take at most about 3,400, so the description always keeps more than 2,500.
 */
final class DiscordEmbed {
    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 4096;
    static final int FIELD_NAME_MAX = 256;
    static final int FIELD_VALUE_MAX = 1024;
    static final int FOOTER_MAX = 2048;
    static final int URL_MAX = 2048;
    static final int TOTAL_MAX = 6000;

    private record Field(String name, String value) {
        Field {
            name = DiscordText.limit(name, FIELD_NAME_MAX);
            value = DiscordText.limit(value, FIELD_VALUE_MAX);
        }

        int length() {
            return DiscordText.length(name) + DiscordText.length(value);
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
        String title = DiscordText.limit(title(event), TITLE_MAX);
        List<Field> fields = fields(event);
        String footerText = footer == null ? null : DiscordText.limit(DiscordText.neutralise(footer), FOOTER_MAX);
        int used = DiscordText.length(title) + fields.stream().mapToInt(Field::length).sum()
                + (footerText == null ? 0 : DiscordText.length(footerText));
        String description = DiscordText.limitKeepingLinks(notification.message(),
                Math.min(DESCRIPTION_MAX, TOTAL_MAX - used));

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
        if (footerText != null && !footerText.isBlank()) {
            embed.putObject("footer").put("text", footerText);
        }
        if (event.timestamp() != null) {
            embed.put("timestamp", event.timestamp().toString());
        }
        return embed;
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
    private static boolean linkFits(String link) {
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
