package dev.s3notify.core.input;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * AWS's formats for the names that end up in hosts, paths and signatures: a region or a bucket from an event is
 * not trusted to be one until it has the shape AWS gives them. Stateless.
 */
public final class AwsNames {
    /** The longest S3 object key, in UTF-8 bytes. */
    public static final int KEY_MAX_BYTES = 1024;
    /**
     * Partition-prefix, geography words, number: {@code us-east-1}, {@code us-gov-west-1}, {@code cn-northwest-1},
     * {@code eu-isoe-west-1}, {@code ap-southeast-7}, {@code il-central-1}, and the four-letter prefix of the AWS
     * European Sovereign Cloud, {@code eusc-de-east-1} (partition aws-eusc, hosts on {@code amazonaws.eu}).
     */
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(?:-[a-z]{2,12}){1,3}-[0-9]{1,2}");
    /**
     * Today's rules (3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or
     * digit) widened to the legacy us-east-1 names (up to 255 characters, with uppercase letters and underscores).
     * The 3-character minimum is not enforced: it carries no risk, and compatible stores and tests use less.
     */
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,253}[A-Za-z0-9])?");

    private AwsNames() {
    }

    /** What a region must look like, for messages. */
    public static final String REGION_EXPECTED = "an AWS region such as us-east-1 (lowercase letters and hyphens"
            + " ending in a number)";
    /** What a bucket name must look like, for messages. */
    public static final String BUCKET_EXPECTED = "an S3 bucket name (at most 255 letters, digits, dots, hyphens or"
            + " underscores, starting and ending with a letter or digit)";

    /**
     * @param region a candidate, not null
     * @return whether it has the shape of an AWS region
     */
    public static boolean isRegion(String region) {
        return region.length() <= 32 && REGION.matcher(region).matches();
    }

    /**
     * @param bucket a candidate, not null
     * @return whether it is a bucket name S3 could have given
     */
    public static boolean isBucket(String bucket) {
        return bucket.length() <= 255 && BUCKET.matcher(bucket).matches() && !bucket.contains("..");
    }

    /**
     * @param key a decoded object key, not null
     * @return whether it is at most {@link #KEY_MAX_BYTES} bytes long in UTF-8
     */
    public static boolean isKeyLength(String key) {
        return key.length() <= KEY_MAX_BYTES && key.getBytes(StandardCharsets.UTF_8).length <= KEY_MAX_BYTES;
    }
}
