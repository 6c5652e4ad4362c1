package dev.s3notify.core.queue;

import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.support.Sha256;
import java.nio.charset.StandardCharsets;

/** Names a destination in delivery records and page names without its webhook URL, which is a credential. */
final class DestinationKey {
    private DestinationKey() {
    }

    /**
     * @param destination a destination
     * @return the SHA-256 of its kind and webhook URL, in hex: the same URL always gives the same key
     */
    static String of(Destination destination) {
        String url = destination.url() == null ? "(preview)" : destination.url().reveal();
        return Sha256.hex((destination.kind() + "\n" + url).getBytes(StandardCharsets.UTF_8));
    }
}
