package dev.s3notify.core.support;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 as lowercase hex, for ids derived from content (an event id when the envelope gives none). */
public final class Sha256 {
    private Sha256() {
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256 as lowercase hex
     */
    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
