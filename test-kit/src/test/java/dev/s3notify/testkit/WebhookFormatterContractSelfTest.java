package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The contract's checks can fail: run against formatters that break it, they say so. */
class WebhookFormatterContractSelfTest {
    @Test
    void failsAFormatterThatRefusesEveryInputThoughEachRefusalIsClear() {
        Events property = EngineTestKit.engine("jqwik").selectors(selectClass(BrokenFormatters.RefusingContract.class))
                .execute().testEvents();

        assertThat(names(property.failed())).containsExactly("anyDetailGivesABoundedValidEscapedPayloadOrAClearError");
    }

    @Test
    void failsAChatPlatformThatDeclaresNoRate() {
        Events tests = jupiter(BrokenFormatters.UnpacedContract.class);

        assertThat(names(tests.failed())).contains("declaresTheChatPlatformsDocumentedRate()");
    }

    @Test
    void skipsRatherThanPassesTheChecksThatDoNotApplyToAMachineReceiver() {
        Events tests = jupiter(BrokenFormatters.MachineContract.class);

        assertThat(names(tests.aborted())).contains("declaresTheChatPlatformsDocumentedRate()",
                "neverLetsAFileNamePingAnyone()", "neverLetsAFileNamePingAnyoneInADigest()");
        assertThat(names(tests.succeeded())).doesNotContain("declaresTheChatPlatformsDocumentedRate()",
                "neverLetsAFileNamePingAnyone()");
    }

    private static Events jupiter(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
    }

    private static List<String> names(Events events) {
        return events.stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
    }
}
