package dev.s3notify.core.links;

import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.aws.S3Heads.Head;
import dev.s3notify.core.aws.S3Heads.Status;
import dev.s3notify.core.aws.S3Heads;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.error.S3NotifyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Settles which key an event names, with HeadObject, as {@code HEAD_OBJECT} says: {@code auto} only when the
 * envelope left the key's URL-encoding undecided, {@code always} for every downloadable object (which also fills
 * in size and content type), {@code never} not at all (the decoded key is taken). Thread-safe.
 */
public final class KeyResolver {
    private final LinkSettings settings;
    private final S3Heads client;

    private KeyResolver(LinkSettings settings, S3Heads client) {
        this.settings = settings;
        this.client = client;
    }

    /**
     * @param settings validated settings (HeadObject mode, default region)
     * @param heads the HeadObject client, or null when {@code settings} never call it ({@code HEAD_OBJECT=never})
     * @return the resolver
     */
    public static KeyResolver create(LinkSettings settings, S3Heads heads) {
        if (heads == null && settings.headObject() != LinkSettings.HeadObjectMode.NEVER) {
            throw new IllegalArgumentException("HEAD_OBJECT=" + settings.headObject() + " needs a HeadObject client");
        }
        return new KeyResolver(settings, heads);
    }

    /**
     * @param event an event, its key possibly ambiguous
     * @param deadline when the invocation ends (HeadObject must answer before), or null
     * @return the event with its key settled ({@link ObjectEvent#undecodedKey()} null) and, when HeadObject was
     *     called, the size and content type it reported
     * @throws InvalidEventException when no candidate key exists (the object may have been deleted since), so the
     *     record fails and is retried or parked rather than dropped
     * @throws S3NotifyException when HeadObject is refused (403) or fails otherwise
     */
    public ObjectEvent resolve(ObjectEvent event, Instant deadline) {
        boolean head = event.type().downloadable() && switch (settings.headObject()) {
            case ALWAYS -> true;
            case AUTO -> event.keyAmbiguous();
            case NEVER -> false;
        };
        if (!head) {
            return event.resolved(event.key(), null, null);
        }
        List<String> candidates = event.keyAmbiguous() ? List.of(event.key(), event.undecodedKey())
                : List.of(event.key());
        String region = event.region() == null || event.region().isBlank() ? settings.region() : event.region();
        List<String> forbidden = new ArrayList<>();
        for (String candidate : candidates) {
            Head found = client.head(event.bucket(), candidate, event.versionId(), region, deadline);
            if (found.status() == Status.FOUND) {
                return event.resolved(candidate, found.size(), found.contentType());
            }
            if (found.status() == Status.FORBIDDEN) {
                forbidden.add(candidate);
            }
        }
        throw forbidden.isEmpty() ? notFound(event, candidates) : forbidden(event, forbidden);
    }

    private static InvalidEventException notFound(ObjectEvent event, List<String> candidates) {
        String version = event.versionId() == null ? "" : " (version " + event.versionId() + ")";
        return new InvalidEventException("HeadObject found no object in bucket " + event.bucket() + version
                + " under " + (candidates.size() == 1 ? "the key '" + candidates.get(0) + "'"
                        : "either candidate key, '" + candidates.get(0) + "' (decoded) or '" + candidates.get(1)
                                + "' (as received)")
                + ": it may have been deleted since the event. The record fails so it is retried or parked in"
                + " the dead-letter queue rather than dropped; if the object is gone, remove it from there.");
    }

    private static S3NotifyException forbidden(ObjectEvent event, List<String> keys) {
        return new S3NotifyException("HeadObject was refused (403) in bucket " + event.bucket() + " for "
                + keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" and "))
                + ": the function's role needs s3:GetObject on arn:aws:s3:::" + event.bucket() + "/* (and"
                + " s3:ListBucket on arn:aws:s3:::" + event.bucket() + ", without which S3 answers 403 instead of 404"
                + " for a key that does not exist); check also that the signing credentials are valid and the clock"
                + " is right.");
    }
}
