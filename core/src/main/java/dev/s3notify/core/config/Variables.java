package dev.s3notify.core.config;

import dev.s3notify.core.Link;
import dev.s3notify.core.input.AwsNames;
import dev.s3notify.core.input.Urls;
import dev.s3notify.core.text.SafeText;
import dev.s3notify.spi.Variable;
import java.net.URI;
import java.util.List;

/**
 * Every variable core reads, with its default and check: the one place they live. Formatters and link generators
 * declare their own kind's variables. The README's table and {@code docs/configuration.md} are checked against
 * these declarations.
 */
public final class Variables {
    private static final String LINK = "link-generator";
    private static final String BOTH = "both";
    private static final String DISPATCH = "webhook-dispatcher";

    private Variables() {
    }

    /** Which {@link dev.s3notify.spi.LinkGenerator} makes links. */
    public static final Variable<String> LINK_KIND = Variable.text("LINK_KIND", LINK, "s3-presigned",
            "which link generator makes links: s3-presigned, public-url, or a plugin's kind");
    /** Link lifetime in seconds. */
    public static final Variable<Long> URL_EXPIRATION_SECONDS = Variable.integer("URL_EXPIRATION_SECONDS", LINK,
            "86400", 1, 604_800, "how long a presigned link works, in seconds (1 to 604800, SigV4's 7-day cap)");
    /** Whether a click downloads or displays the file. */
    public static final Variable<String> LINK_CONTENT_DISPOSITION = Variable.choice("LINK_CONTENT_DISPOSITION",
            LINK, "attachment",
            "attachment (download under the file's own name), inline (let the browser show it) or none",
            "attachment", "inline", "none");
    /** Base URL of a public bucket or CDN, for {@code LINK_KIND=public-url}. */
    public static final Variable<URI> PUBLIC_BASE_URL = Variable.url("PUBLIC_BASE_URL", LINK, false,
            "base URL the encoded key is appended to when LINK_KIND=public-url (required for that kind)");
    /** Secrets Manager secret with long-term keys for signing. */
    public static final Variable<String> LINK_SIGNING_SECRET_ARN = Variable.text("LINK_SIGNING_SECRET_ARN", BOTH,
            null, "Secrets Manager secret holding {\"accessKeyId\",\"secretAccessKey\"} of an IAM user, read at"
                    + " start-up (under SnapStart, again after each restore), so links can last up to 7 days instead"
                    + " of ending with the role's session; on the dispatcher, it signs the links to digest index pages"
                    + " (the user then needs s3:GetObject on INDEX_BUCKET's INDEX_PREFIX)");
    /** When to call HeadObject. */
    public static final Variable<String> HEAD_OBJECT = Variable.choice("HEAD_OBJECT", LINK, "auto",
            "auto (HeadObject only when an EventBridge key's encoding is ambiguous), always (also fills in content"
                    + " type and size), never", "auto", "always", "never");
    /** Path-style S3 addressing. */
    public static final Variable<Boolean> S3_FORCE_PATH_STYLE = Variable.bool("S3_FORCE_PATH_STYLE", BOTH, "false",
            "address objects as ENDPOINT/bucket/key instead of bucket.ENDPOINT/key (S3-compatible stores)");
    /** The {@code source} of published events. */
    public static final Variable<String> EVENT_SOURCE = Variable.text("EVENT_SOURCE", LINK, "s3-link-generator",
            "the source of the file-link-generated events published to EventBridge");
    /** The {@code detail-type} of published events. */
    public static final Variable<String> EVENT_DETAIL_TYPE = Variable.text("EVENT_DETAIL_TYPE", LINK,
            "file-link-generated", "the detail-type of the events published to EventBridge");
    /** The bus events go to. */
    public static final Variable<String> EVENT_BUS_NAME = Variable.text("EVENT_BUS_NAME", LINK, "default",
            "the EventBridge bus name or ARN the events are published to");
    /** The region, set by Lambda. */
    public static final Variable<String> AWS_REGION = new Variable<>("AWS_REGION", BOTH, "us-east-1", false, false,
            "the AWS region for EventBridge, Secrets Manager and links whose event names no region (set by Lambda;"
                    + " AWS_DEFAULT_REGION is read when it is unset), such as us-east-1", Variables::checkedRegion);
    /** Endpoint override for every AWS service. */
    public static final Variable<URI> AWS_ENDPOINT_URL = Variable.url("AWS_ENDPOINT_URL", BOTH, false,
            "endpoint for every AWS service (the SDK's standard variable), for local tests and compatible stores");
    /** Endpoint override for S3. */
    public static final Variable<URI> AWS_ENDPOINT_URL_S3 = Variable.url("AWS_ENDPOINT_URL_S3", BOTH, false,
            "endpoint for S3 only; wins over AWS_ENDPOINT_URL");
    /** Endpoint override for EventBridge. */
    public static final Variable<URI> AWS_ENDPOINT_URL_EVENTBRIDGE = Variable.url("AWS_ENDPOINT_URL_EVENTBRIDGE",
            LINK, false, "endpoint for EventBridge only; wins over AWS_ENDPOINT_URL");
    /** Endpoint override for Secrets Manager. */
    public static final Variable<URI> AWS_ENDPOINT_URL_SECRETS_MANAGER = Variable.url(
            "AWS_ENDPOINT_URL_SECRETS_MANAGER", BOTH, false,
            "endpoint for Secrets Manager only; wins over AWS_ENDPOINT_URL");
    /** A directory of plugin jars, searched besides the bundle and the Lambda layers. */
    public static final Variable<String> S3NOTIFY_PLUGINS_DIR = Variable.text("S3NOTIFY_PLUGINS_DIR", BOTH, null,
            "a directory whose .jar files are searched for plugin formatters and link generators, besides the bundle"
                    + " and Lambda layers' java/lib (/opt/java/lib)");

    /** Which {@link dev.s3notify.spi.WebhookFormatter} formats messages. */
    public static final Variable<String> WEBHOOK_KIND = Variable.text("WEBHOOK_KIND", DISPATCH, null,
            "which formatter: discord, slack, teams, generic, googlechat, mattermost, ntfy, telegram, or a plugin's kind; inferred from WEBHOOK_URL when unset");
    /** The webhook URL, a credential. */
    public static final Variable<URI> WEBHOOK_URL = new Variable<>("WEBHOOK_URL", DISPATCH, null, false, true,
            "the webhook to post to (https; http only for localhost), or the ARN a kind that delivers through AWS"
                    + " takes (sns: the topic's); required unless WEBHOOK_URL_SECRET_ARN or WEBHOOK_URL_PARAMETER is"
                    + " set", Urls::destination);
    /** Secrets Manager secret holding the webhook URL. */
    public static final Variable<String> WEBHOOK_URL_SECRET_ARN = Variable.text("WEBHOOK_URL_SECRET_ARN", DISPATCH,
            null, "Secrets Manager secret whose value is the webhook URL (or JSON with a \"url\" field), read once at"
                    + " start-up");
    /** SSM SecureString parameter holding the webhook URL. */
    public static final Variable<String> WEBHOOK_URL_PARAMETER = Variable.text("WEBHOOK_URL_PARAMETER", DISPATCH,
            null, "SSM Parameter Store (SecureString) parameter name whose value is the webhook URL, read once at"
                    + " start-up");
    /** The message template. */
    public static final Variable<String> MESSAGE_TEMPLATE = Variable.text("MESSAGE_TEMPLATE", DISPATCH, null,
            "Mustache template for the message text (see docs/templates.md); each formatter has a default");
    /** The digest template. */
    public static final Variable<String> DIGEST_TEMPLATE = Variable.text("DIGEST_TEMPLATE", DISPATCH, null,
            "Mustache template for the text of a digest, one message for several files (see docs/templates.md);"
                    + " each formatter has a default");
    /** The routes document, inline. */
    public static final Variable<String> ROUTES = Variable.text("ROUTES", DISPATCH, null,
            "the routes document inline (JSON, see docs/routes.md): many webhooks, each with its own filters, kind,"
                    + " templates, settings and fallback; replaces WEBHOOK_URL and the variables of one webhook")
            .asSecret();
    /** SSM parameter holding the routes document. */
    public static final Variable<String> ROUTES_PARAMETER = Variable.text("ROUTES_PARAMETER", DISPATCH, null,
            "SSM Parameter Store parameter name (String or SecureString) whose value is the routes document, read"
                    + " once at start-up");
    /** A file holding the routes document. */
    public static final Variable<String> ROUTES_FILE = Variable.text("ROUTES_FILE", DISPATCH, null,
            "path of a file holding the routes document (in a Lambda layer: under /opt), read once at start-up");
    /** Per-attempt timeout. */
    public static final Variable<Long> REQUEST_TIMEOUT_SECONDS = Variable.integer("REQUEST_TIMEOUT_SECONDS",
            DISPATCH, "10", 1, 900, "how long one webhook request may take, in seconds (1 to 900)");
    /** Delivery attempts. */
    public static final Variable<Long> MAX_ATTEMPTS = Variable.integer("MAX_ATTEMPTS", DISPATCH, "4", 1, 10,
            "how many times a message is tried before the invocation fails (1 to 10)");
    /** Endpoint override for SSM. */
    public static final Variable<URI> AWS_ENDPOINT_URL_SSM = Variable.url("AWS_ENDPOINT_URL_SSM", DISPATCH, false,
            "endpoint for SSM Parameter Store only; wins over AWS_ENDPOINT_URL");
    /** The DynamoDB table of delivery records. */
    public static final Variable<String> IDEMPOTENCY_TABLE = new Variable<>("IDEMPOTENCY_TABLE", DISPATCH, null,
            false, false, "DynamoDB table (name or ARN) of delivery records (partition key pk, TTL attribute"
                    + " expiresAt) so that an event from the queue is posted to a destination once, and of the digest"
                    + " windows; unset: no records are kept", checked(AwsNames::isTable, AwsNames.TABLE_EXPECTED));
    /** Where digest index pages go. */
    public static final Variable<String> INDEX_BUCKET = new Variable<>("INDEX_BUCKET", DISPATCH, null, false,
            false, "S3 general purpose bucket for the index pages of digests that cannot carry every link; unset, or"
                    + " when a page cannot be written there: such digests are split into messages that can",
            checked(AwsNames::isGeneralPurposeBucket, AwsNames.GENERAL_PURPOSE_BUCKET_EXPECTED));
    /** The key prefix of digest index pages. */
    public static final Variable<String> INDEX_PREFIX = new Variable<>("INDEX_PREFIX", DISPATCH, "digests/", false,
            false, "key prefix of the index pages in INDEX_BUCKET (the template's lifecycle rule expires it); no"
                    + " leading / and no . or .. segment", checked(AwsNames::isKeyPrefix, AwsNames.KEY_PREFIX_EXPECTED));
    /** How many dispatcher invocations share one webhook's rate. */
    public static final Variable<Long> DISPATCH_CONCURRENCY = Variable.integer("DISPATCH_CONCURRENCY", DISPATCH,
            "2", 1, 1000, "how many dispatcher invocations may run at once (the queue's event source mapping's"
                    + " MaximumConcurrency); each paces itself to that share of the platform's rate");
    /** The digest window of the queue path. */
    public static final Variable<Long> DIGEST_WINDOW_SECONDS = Variable.integer("DIGEST_WINDOW_SECONDS", DISPATCH,
            "20", 0, 300, "on the queue path, seconds a destination's digest window stays open: the first upload is"
                    + " sent at once and opens it, uploads that follow within it wait and go together in one digest"
                    + " when it closes; kept in IDEMPOTENCY_TABLE, else in each execution environment's memory; 0: no"
                    + " window, each batch is sent at once");
    /** Endpoint override for SQS. */
    public static final Variable<URI> AWS_ENDPOINT_URL_SQS = Variable.url("AWS_ENDPOINT_URL_SQS", DISPATCH, false,
            "endpoint for SQS only; wins over AWS_ENDPOINT_URL");
    /** Endpoint override for DynamoDB. */
    public static final Variable<URI> AWS_ENDPOINT_URL_DYNAMODB = Variable.url("AWS_ENDPOINT_URL_DYNAMODB",
            DISPATCH, false, "endpoint for DynamoDB only; wins over AWS_ENDPOINT_URL");

    /** The shared-config profile the command line takes credentials from. */
    public static final Variable<String> AWS_PROFILE = Variable.text("AWS_PROFILE", BOTH, null,
            "on the command line, the profile of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE and"
                    + " AWS_SHARED_CREDENTIALS_FILE) to take credentials from, SSO sessions included; on Lambda the"
                    + " function's role is used and this is ignored");
    /** FIPS endpoints. */
    public static final Variable<Boolean> AWS_USE_FIPS_ENDPOINT = Variable.bool("AWS_USE_FIPS_ENDPOINT", BOTH,
            "false", "use the AWS services' FIPS 140 endpoints (links on s3-fips.REGION hosts), as the AWS SDKs do;"
                    + " cannot be combined with an AWS_ENDPOINT_URL");
    /** Dual-stack endpoints. */
    public static final Variable<Boolean> AWS_USE_DUALSTACK_ENDPOINT = Variable.bool("AWS_USE_DUALSTACK_ENDPOINT",
            BOTH, "false", "use the AWS services' dual-stack (IPv4 and IPv6) endpoints, as the AWS SDKs do; links"
                    + " then name s3.dualstack.REGION hosts");

    /** Every variable above, in table order. */
    public static final List<Variable<?>> ALL = List.of(LINK_KIND, URL_EXPIRATION_SECONDS, LINK_CONTENT_DISPOSITION,
            PUBLIC_BASE_URL, LINK_SIGNING_SECRET_ARN, HEAD_OBJECT, S3_FORCE_PATH_STYLE, EVENT_SOURCE, EVENT_DETAIL_TYPE,
            EVENT_BUS_NAME, AWS_REGION, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_EVENTBRIDGE,
            AWS_ENDPOINT_URL_SECRETS_MANAGER, S3NOTIFY_PLUGINS_DIR, WEBHOOK_KIND, WEBHOOK_URL, WEBHOOK_URL_SECRET_ARN,
            WEBHOOK_URL_PARAMETER, MESSAGE_TEMPLATE, DIGEST_TEMPLATE, ROUTES, ROUTES_PARAMETER, ROUTES_FILE,
            REQUEST_TIMEOUT_SECONDS, MAX_ATTEMPTS,
            AWS_ENDPOINT_URL_SSM, IDEMPOTENCY_TABLE, INDEX_BUCKET, INDEX_PREFIX, DISPATCH_CONCURRENCY, DIGEST_WINDOW_SECONDS,
            AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL_DYNAMODB, AWS_PROFILE, AWS_USE_FIPS_ENDPOINT,
            AWS_USE_DUALSTACK_ENDPOINT);

    /**
     * @param settings the environment
     * @param serviceVariable the service-specific endpoint variable
     * @return the endpoint for that service (service variable, else {@code AWS_ENDPOINT_URL}), or null for AWS's own
     */
    public static URI endpoint(Settings settings, Variable<URI> serviceVariable) {
        URI specific = settings.get(serviceVariable);
        return specific != null ? specific : settings.get(AWS_ENDPOINT_URL);
    }

    /**
     * @param settings the environment
     * @return {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1
     */
    public static String region(Settings settings) {
        if (settings.isSet(AWS_REGION)) {
            return settings.get(AWS_REGION);
        }
        String fallback = settings.raw("AWS_DEFAULT_REGION").orElse(null);
        if (fallback != null && !AwsNames.isRegion(fallback)) {
            settings.problem("AWS_DEFAULT_REGION='" + SafeText.cut(fallback, SafeText.QUOTE_LIMIT)
                    + "' is not valid: expected " + AwsNames.REGION_EXPECTED);
            return AWS_REGION.defaultValue();
        }
        return fallback != null ? fallback : AWS_REGION.defaultValue();
    }

    /** A region becomes part of hosts and signatures: only AWS's shape is accepted. */
    private static String checkedRegion(String text) {
        return checked(AwsNames::isRegion, AwsNames.REGION_EXPECTED).parse(text);
    }

    /** A name AWS would refuse fails the cold start, with the others, rather than every batch later. */
    private static Variable.Parser<String> checked(java.util.function.Predicate<String> valid, String expected) {
        return text -> {
            if (!valid.test(text)) {
                throw new IllegalArgumentException(expected);
            }
            return text;
        };
    }
}
