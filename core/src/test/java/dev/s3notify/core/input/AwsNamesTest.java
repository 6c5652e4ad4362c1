package dev.s3notify.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes AWS gives its names, as far as hosts, paths and signatures depend on them. */
class AwsNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "us-gov-west-1", "cn-northwest-1", "eu-isoe-west-1", "ap-southeast-7",
        "il-central-1", "eusc-de-east-1"})
    void acceptsTheRegionsOfEveryPartitionIncludingTheEuropeanSovereignCloud(String region) {
        assertThat(AwsNames.isRegion(region)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "us", "us-east", "US-EAST-1", "us-east-1.evil.com", "u-east-1", "europe-west-1",
        "us-east-123", "us_east_1"})
    void refusesWhatNoRegionLooksLike(String region) {
        assertThat(AwsNames.isRegion(region)).isFalse();
    }
}
