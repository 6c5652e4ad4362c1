package dev.s3notify.ntfy;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import java.util.Optional;

/**
 * A digest as one ntfy message: the summary as title, the rendered digest template (one line per file with its
 * link) as the message, within 4,096 bytes, and a view action to the index page when there is one. As many files
 * are listed as fit; the others are reached through the index link.
 */
final class NtfyDigest {
    private NtfyDigest() {
    }

    /**
     * @param digest the files
     * @param settings the topic, tags and priority
     * @return the JSON body; empty when not every file fits and there is no index link
     */
    static Optional<String> body(Digest digest, NtfyVariables.Settings settings) {
        int listed = digest.mostListed(n -> NtfyMessage.MESSAGE.fits(digest.message(n))
                && NtfyMessage.fits(write(digest, digest.message(n), settings)));
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        String message = listed < 0 ? NtfyMessage.MESSAGE.cut(digest.message(0)) : digest.message(listed);
        return Optional.of(write(digest, message, settings));
    }

    private static String write(Digest digest, String message, NtfyVariables.Settings settings) {
        String url = digest.indexLink().map(Link::url).orElse(null);
        return NtfyMessage.write(settings, digest.summary(), message.isBlank() ? digest.summary() : message,
                digest.deleted() == digest.count() ? "wastebasket" : "inbox_tray", url,
                "All " + digest.count() + " files");
    }
}
