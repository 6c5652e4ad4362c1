package dev.s3notify.core.text;

import java.util.Locale;

/** Sizes in bytes as people read them: {@code 1 byte}, {@code 532 bytes}, {@code 2.4 MB} (powers of 1024). */
public final class Sizes {
    private Sizes() {
    }

    /**
     * @param bytes a size, not negative
     * @return it in the largest unit that leaves at least 1, with one decimal
     */
    public static String text(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        // 1023.95 and up would print as "1024.0": that is the next unit's 1.0.
        while (value >= 1023.95 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
