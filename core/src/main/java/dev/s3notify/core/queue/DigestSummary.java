package dev.s3notify.core.queue;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.TemplateModel;
import java.util.List;
import java.util.Objects;

/**
 * What a digest says about its files: "14 files uploaded to uploads/2026-11/ (1.2 GB)": the count, the verb of
 * their event type (or "changed" when mixed), their common key prefix and total size.
 */
final class DigestSummary {
    private DigestSummary() {
    }

    /**
     * @param events the files, at least one
     * @return the headline
     */
    static String headline(List<LinkEvent> events) {
        String prefix = commonPrefix(events);
        long total = events.stream().map(LinkEvent::size).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        boolean sized = events.stream().anyMatch(e -> e.size() != null);
        return events.size() + " files " + verb(events) + (prefix.isEmpty() ? " in " + buckets(events)
                : " to " + prefix) + (sized ? " (" + TemplateModel.sizeText(total) + ")" : "");
    }

    /**
     * @param events the files
     * @return the longest key prefix ending in "/" they share, or "" when none
     */
    static String commonPrefix(List<LinkEvent> events) {
        String common = null;
        for (LinkEvent event : events) {
            String key = event.key() != null ? event.key() : event.fileName();
            common = common == null ? key : common.substring(0, sharedLength(common, key));
        }
        if (common == null) {
            return "";
        }
        return common.substring(0, common.lastIndexOf('/') + 1);
    }

    private static int sharedLength(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static String verb(List<LinkEvent> events) {
        EventType type = events.get(0).eventType();
        boolean same = events.stream().allMatch(e -> e.eventType() == type);
        if (!same) {
            return "changed";
        }
        return switch (type) {
            case CREATED -> "uploaded";
            case DELETED -> "deleted";
            case RESTORED -> "restored";
            case RESTORE_STARTED -> "being restored";
            case RESTORE_EXPIRED -> "archived again";
        };
    }

    private static String buckets(List<LinkEvent> events) {
        List<String> names = events.stream().map(LinkEvent::bucket).distinct().sorted().toList();
        return names.size() == 1 ? names.get(0) : names.size() + " buckets";
    }
}
