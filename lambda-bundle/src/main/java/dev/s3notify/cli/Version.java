package dev.s3notify.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven built, from {@code version.properties} (filtered at build time). */
final class Version {
    private Version() {
    }

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "(unknown version: not built by Maven)" : version;
        } catch (IOException e) {
            return "(unknown version: " + Main.describe(e) + ")";
        }
    }
}
