package dev.s3notify.core;

import dev.s3notify.core.text.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The one-line wording of a digest: "14 files uploaded to uploads/2026-11/ (1.2 GB)". */
final class DigestSummary {
    private DigestSummary() {
    }

    static String of(Digest digest, UnaryOperator<String> escape) {
        int count = digest.count();
        String files = count + (count == 1 ? " file" : " files");
        String where = escape.apply(where(digest));
        String size = digest.totalSize() > 0 ? " (" + Sizes.text(digest.totalSize()) + ")" : "";
        if (digest.uploaded() == count) {
            return files + " uploaded to " + where + size;
        }
        if (digest.deleted() == count) {
            return files + " removed from " + where;
        }
        if (digest.restored() == count) {
            return files + " restored in " + where + size;
        }
        List<String> parts = new ArrayList<>();
        part(parts, digest.uploaded(), "uploaded");
        part(parts, digest.deleted(), "removed");
        part(parts, digest.restored(), "restored");
        part(parts, count - digest.uploaded() - digest.deleted() - digest.restored(), "other changes");
        return files + " changed in " + where + ": " + String.join(", ", parts) + size;
    }

    private static String where(Digest digest) {
        String prefix = digest.commonPrefix();
        if (!prefix.isEmpty()) {
            return prefix;
        }
        List<String> buckets = digest.buckets();
        return buckets.size() == 1 ? buckets.get(0) : buckets.size() + " buckets";
    }

    private static void part(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }
}
