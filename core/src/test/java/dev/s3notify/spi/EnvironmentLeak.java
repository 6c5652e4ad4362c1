package dev.s3notify.spi;

import dev.s3notify.core.config.Settings;

/** Breaks a rule on purpose, for ArchitectureTest: an SPI type that could read any variable. Never used otherwise. */
final class EnvironmentLeak {
    private EnvironmentLeak() {
    }

    static Settings settings() {
        return null;
    }
}
