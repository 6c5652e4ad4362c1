package dev.s3notify.core.queue;

import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.support.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * Names a destination in delivery records, digest windows, pacing and page names without its webhook URL, which is a
 * credential. The implicit route {@code default} keeps the key it always had (its kind and URL); a named route's
 * records are its own (two routes on one webhook are delivered to separately), and so are those of a fallback's copy
 * for each route it stands in for, so that a redelivery posts to neither twice; the pacing is the webhook's, shared
 * by every route that posts to it.
 */
final class DestinationKey {
    private DestinationKey() {
    }

    /**
     * @param destination a destination
     * @return the key of its delivery records and digest window: the SHA-256, in hex, of its kind and webhook URL
     *     (the implicit route), with the route's name (a named route), and with the route it stands in for (a
     *     fallback's copy)
     */
    static String of(Destination destination) {
        if (!destination.named()) {
            return webhook(destination);
        }
        String route = hash("route\n" + destination.name() + "\n" + destination.kind() + "\n" + url(destination));
        String from = destination.routing().redirectedFrom();
        return from == null ? route : hash("fallback\n" + from + "\n" + route);
    }

    /**
     * @param destination a destination
     * @return the key of its webhook's pacing: the implicit route's records key, or for a named route the SHA-256 of
     *     its webhook URL alone, so that two routes posting to one webhook share one budget
     */
    static String pacing(Destination destination) {
        return destination.named() ? hash("webhook\n" + url(destination)) : webhook(destination);
    }

    private static String webhook(Destination destination) {
        return hash(destination.kind() + "\n" + url(destination));
    }

    private static String url(Destination destination) {
        return destination.url() == null ? "(preview)" : destination.url().reveal();
    }

    private static String hash(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
