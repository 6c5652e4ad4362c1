package dev.s3notify.core.input;

import dev.s3notify.core.text.SafeText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
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
    /** A dotted quad: S3 refuses bucket names formatted as IP addresses. */
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
    /** Prefixes and suffixes S3 reserves (punycode, access points, Object Lambda, directory and table buckets). */
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3",
            "--table-s3");
    /** DynamoDB's table names: 3 to 255 letters, digits, underscores, hyphens and dots. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    /** A table's ARN, which DynamoDB takes wherever it takes a name (tables shared across accounts). */
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws(?:-[a-z]+)*:dynamodb:" + REGION.pattern()
            + ":[0-9]{12}:table/([A-Za-z0-9_.-]+)");
    /** The longest key prefix: room is left for the page names put after it. */
    private static final int PREFIX_MAX_BYTES = KEY_MAX_BYTES - 128;

    private AwsNames() {
    }

    /** What a region must look like, for messages. */
    public static final String REGION_EXPECTED = "an AWS region such as us-east-1 (lowercase letters and hyphens"
            + " ending in a number)";
    /** What a bucket name must look like, for messages. */
    public static final String BUCKET_EXPECTED = "an S3 bucket name (at most 255 letters, digits, dots, hyphens or"
            + " underscores, starting and ending with a letter or digit)";

    /** What a bucket the dispatcher writes to must look like, for messages. */
    public static final String GENERAL_PURPOSE_BUCKET_EXPECTED = "an S3 general purpose bucket name (3 to 63"
            + " lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit, no two dots in"
            + " a row, not an IP address, none of S3's reserved prefixes xn--, sthree-, amzn-s3-demo- nor suffixes"
            + " -s3alias, --ol-s3, .mrap, --x-s3, --table-s3)";
    /** What a table must look like, for messages. */
    public static final String TABLE_EXPECTED = "a DynamoDB table name (3 to 255 letters, digits, underscores, hyphens"
            + " or dots) or a table's ARN (arn:aws:dynamodb:REGION:ACCOUNT:table/NAME)";
    /** What a key prefix that links may carry must look like, for messages. */
    public static final String KEY_PREFIX_EXPECTED = "an S3 key prefix such as digests/ (no leading /, no . or .."
            + " segment a browser would resolve elsewhere, no backslash, control or bidirectional character, at most "
            + PREFIX_MAX_BYTES + " bytes)";

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
     * @param bucket a candidate, not null
     * @return whether it follows today's rules for general purpose buckets, which every bucket made since 2018
     *     follows and which virtual-hosted links need (the legacy names {@link #isBucket} also accepts do not)
     */
    public static boolean isGeneralPurposeBucket(String bucket) {
        return bucket.length() >= 3 && bucket.length() <= 63 && isBucket(bucket)
                && bucket.chars().noneMatch(c -> c == '_' || c >= 'A' && c <= 'Z')
                && !IP_ADDRESS.matcher(bucket).matches()
                && RESERVED_PREFIXES.stream().noneMatch(bucket::startsWith)
                && RESERVED_SUFFIXES.stream().noneMatch(bucket::endsWith);
    }

    /**
     * @param table a candidate, not null
     * @return whether DynamoDB could have a table of that name, or it is a table's ARN with such a name
     */
    public static boolean isTable(String table) {
        Matcher arn = TABLE_ARN.matcher(table);
        return TABLE.matcher(arn.matches() ? arn.group(1) : table).matches();
    }

    /**
     * @param prefix a candidate, not null; empty is none
     * @return whether keys made of it and a page name are linked where they are: a browser resolves a {@code .} or
     *     {@code ..} segment (and a backslash, as a slash) before sending the request, so that the link names
     *     another key than the one written and signed; a leading {@code /} makes an empty first segment
     */
    public static boolean isKeyPrefix(String prefix) {
        if (prefix.startsWith("/") || prefix.indexOf('\\') >= 0
                || prefix.getBytes(StandardCharsets.UTF_8).length > PREFIX_MAX_BYTES) {
            return false;
        }
        if (prefix.codePoints().anyMatch(SafeText::unsafe)) {
            return false;
        }
        // The last segment is completed by the page's name: "a/.." is a/..digest-….html, no segment of its own.
        String[] segments = prefix.split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equals(".") || segments[i].equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param key a decoded object key, not null
     * @return whether it is at most {@link #KEY_MAX_BYTES} bytes long in UTF-8
     */
    public static boolean isKeyLength(String key) {
        return key.length() <= KEY_MAX_BYTES && key.getBytes(StandardCharsets.UTF_8).length <= KEY_MAX_BYTES;
    }
}
