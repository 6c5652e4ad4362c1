package dev.s3notify.generic;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@code WEBHOOK_SIGNING_SECRET}: a Standard Webhooks secret, {@code whsec_} followed by the base64 of 24 to 64
 * random bytes (the prefix may be left out). Signs with HMAC-SHA256 as the Standard Webhooks specification says.
 * Its {@link #toString()} never shows the key.
 */
final class SigningKey {
    static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;

    private final byte[] key;

    private SigningKey(byte[] key) {
        this.key = key;
    }

    /**
     * @param text the variable's trimmed text
     * @return the key
     * @throws IllegalArgumentException saying what was expected, never quoting the text
     */
    static SigningKey parse(String text) {
        String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // Not kept as the cause: its message quotes the offending character of the secret.
            key = new byte[0];
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a Standard Webhooks secret: whsec_ followed by the base64 of "
                    + MIN_BYTES + " to " + MAX_BYTES + " random bytes, such as the output of"
                    + " 'echo whsec_$(openssl rand -base64 32)'");
        }
        return new SigningKey(key);
    }

    /**
     * @param id the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp}, in seconds since the epoch
     * @param body the exact body sent
     * @return the {@code webhook-signature} value: {@code v1,} and the base64 HMAC-SHA256 of
     *     {@code id.timestamp.body}
     */
    String sign(String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[<secret>]";
    }
}
