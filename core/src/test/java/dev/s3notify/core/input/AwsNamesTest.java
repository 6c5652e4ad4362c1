package dev.s3notify.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @ValueSource(strings = {"deliveries", "abc", "My_Table.v2-prod", "arn:aws:dynamodb:us-east-1:123456789012:table/deliveries",
        "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/t.1_x"})
    void acceptsDynamoDbTableNamesAndArns(String table) {
        assertThat(AwsNames.isTable(table)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ab", "bad name!", "\u00e9t\u00e9", "t/able", "arn:aws:dynamodb:us-east-1:123:table/x",
        "arn:aws:s3:::bucket", "arn:aws:dynamodb:us-east-1:123456789012:table/bad name"})
    void refusesWhatNoTableCanBeCalled(String table) {
        assertThat(AwsNames.isTable(table)).isFalse();
        assertThat(AwsNames.isTable("x".repeat(256))).isFalse();
        assertThat(AwsNames.isTable("x".repeat(255))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index-pages", "abc", "my.bucket.example", "a1-2-3", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0"})
    void acceptsGeneralPurposeBucketNames(String bucket) {
        assertThat(AwsNames.isGeneralPurposeBucket(bucket)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Index-Pages", "index_pages", "-index", "index-", "a..b", "192.168.5.4",
        "xn--bcher-kva", "sthree-pages", "amzn-s3-demo-pages", "pages-s3alias", "pages--ol-s3", "pages.mrap",
        "pages--use1-az4--x-s3", "pages--table-s3", "bad name!", "\u00e9t\u00e9", "pages.",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01"})
    void refusesBucketNamesS3WouldRefuseToday(String bucket) {
        assertThat(AwsNames.isGeneralPurposeBucket(bucket)).isFalse();
    }

    @Test
    void keepsTheLegacyBucketNamesOfEventsAcceptedThere() {
        assertThat(AwsNames.isBucket("Legacy_Bucket")).isTrue();
        assertThat(AwsNames.isGeneralPurposeBucket("Legacy_Bucket")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "digests/", "index-", "a/b/c/", "team/x-not-a-segment../", "a/..", "..", "v1.2/"})
    void acceptsKeyPrefixesLinkedWhereTheyAre(String prefix) {
        assertThat(AwsNames.isKeyPrefix(prefix)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "/digests/", "digests/../", "a/./b/", "./", "a\\..\\", "dig\u0007ests/",
        "dig\u202Eests/", "a/../b"})
    void refusesKeyPrefixesABrowserResolvesElsewhere(String prefix) {
        assertThat(AwsNames.isKeyPrefix(prefix)).isFalse();
        assertThat(AwsNames.isKeyPrefix("x".repeat(AwsNames.KEY_MAX_BYTES))).isFalse();
    }
}
