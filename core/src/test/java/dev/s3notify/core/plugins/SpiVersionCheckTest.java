package dev.s3notify.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.testing.TestFormatters;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.SpiVersion;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpiVersionCheckTest {
    @TempDir
    Path dir;

    @Test
    void refusesAtStartUpAPluginThatNeedsANewerCoreNamingItsClassAndBothVersions() {
        ClassLoader loader = TestFormatters.loader(dir, FromTheFuture.class);

        assertThatThrownBy(() -> WebhookFormatters.load(loader))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString()
                        .contains(FromTheFuture.class.getName())
                        .contains("needs version " + (SpiVersion.CURRENT + 1))
                        .contains("provides version " + SpiVersion.CURRENT)
                        .contains("upgrade s3-notify"));
    }

    @Test
    void loadsAPluginThatNeedsThisCoresVersionOrTheDefault() {
        ClassLoader loader = TestFormatters.loader(dir, OfToday.class, OfTheFirstVersion.class);

        assertThat(WebhookFormatters.load(loader).kinds()).containsExactly("first", "today");
        assertThat(new OfTheFirstVersion().apiVersion()).isEqualTo(1);
    }

    /** Asks for one version more than this core has. */
    public static final class FromTheFuture extends Stub {
        @Override
        public String kind() {
            return "future";
        }

        @Override
        public int apiVersion() {
            return SpiVersion.CURRENT + 1;
        }
    }

    /** Asks for the version it was built against. */
    public static final class OfToday extends Stub {
        @Override
        public String kind() {
            return "today";
        }

        @Override
        public int apiVersion() {
            return SpiVersion.CURRENT;
        }
    }

    /** Says nothing: the default, version 1. */
    public static final class OfTheFirstVersion extends Stub {
        @Override
        public String kind() {
            return "first";
        }
    }

    /** A provider whose formatter is never made. */
    abstract static class Stub implements WebhookFormatterProvider {
        @Override
        public String defaultTemplate() {
            return "{{fileName}}";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new WebhookFormatter() {
                @Override
                public WebhookRequest format(Notification notification) {
                    return WebhookRequest.json("{}");
                }

                @Override
                public Optional<WebhookRequest> formatDigest(dev.s3notify.core.Digest digest) {
                    return Optional.empty();
                }

                @Override
                public RateLimit rateLimit() {
                    return RateLimit.UNKNOWN;
                }
            };
        }
    }
}
