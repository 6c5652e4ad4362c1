package dev.s3notify.core.internal;

import dev.s3notify.core.AwsCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, for presigned S3 URLs and signed requests to EventBridge, Secrets Manager and S3.
 * Written here rather than taken from the AWS SDK because the SDK costs about a second of cold start; it is
 * checked against the AWS documentation's known-answer vector, against the SDK's own signer, and by S3Proxy.
 */
public final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The payload hash S3 accepts in presigned URLs. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /**
     * Presigns a request in the query string (S3's way of making a link anyone can use until it expires).
     *
     * @param method the HTTP method, such as GET
     * @param base scheme, host, port and an already URI-encoded path; no query
     * @param query extra query parameters, not encoded (such as {@code response-content-disposition})
     * @param credentials the signing credentials; a session token is signed into the URL
     * @param region the signing region
     * @param service the signing service, {@code s3}
     * @param now the signing time
     * @param expiresSeconds the lifetime, 1 to 604800
     * @return the complete URL
     */
    public static String presign(String method, URI base, Map<String, String> query, AwsCredentials credentials,
            String region, String service, Instant now, long expiresSeconds) {
        String amzDate = AMZ_DATE.format(now);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        TreeMap<String, String> params = new TreeMap<>();
        query.forEach((k, v) -> params.put(encode(k, true), encode(v, true)));
        params.put("X-Amz-Algorithm", ALGORITHM);
        params.put("X-Amz-Credential", encode(credentials.accessKeyId() + "/" + scope, true));
        params.put("X-Amz-Date", amzDate);
        params.put("X-Amz-Expires", Long.toString(expiresSeconds));
        if (credentials.sessionToken() != null) {
            params.put("X-Amz-Security-Token", encode(credentials.sessionToken().reveal(), true));
        }
        params.put("X-Amz-SignedHeaders", "host");
        String canonicalQuery = join(params);
        String canonicalRequest = method + "\n" + canonicalPath(base, service) + "\n" + canonicalQuery + "\n"
                + "host:" + hostHeader(base) + "\n\nhost\n" + UNSIGNED_PAYLOAD;
        String signature = signature(credentials, amzDate, scope, region, service, canonicalRequest);
        return base.getScheme() + "://" + hostHeader(base) + rawPath(base) + "?" + canonicalQuery
                + "&X-Amz-Signature=" + signature;
    }

    /**
     * Signs a request in its headers.
     *
     * @param method the HTTP method
     * @param url the URL, with an already URI-encoded path and query
     * @param headers the headers to sign besides host and x-amz-date (such as content-type, x-amz-target)
     * @param payloadHash the hex SHA-256 of the body, or {@link #UNSIGNED_PAYLOAD}
     * @param credentials the signing credentials
     * @param region the signing region
     * @param service the signing service, such as {@code events}
     * @param now the signing time
     * @return the headers to send besides {@code headers}: authorization, x-amz-date, host and, for temporary
     *     credentials, x-amz-security-token (and for S3, x-amz-content-sha256)
     */
    public static Map<String, String> signHeaders(String method, URI url, Map<String, String> headers,
            String payloadHash, AwsCredentials credentials, String region, String service, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        TreeMap<String, String> added = new TreeMap<>();
        added.put("host", hostHeader(url));
        added.put("x-amz-date", amzDate);
        if (credentials.sessionToken() != null) {
            added.put("x-amz-security-token", credentials.sessionToken().reveal());
        }
        if (service.equals("s3")) {
            added.put("x-amz-content-sha256", payloadHash);
        }
        TreeMap<String, String> signed = new TreeMap<>(added);
        headers.forEach((k, v) -> signed.put(k.toLowerCase(Locale.ROOT), v.trim().replaceAll(" +", " ")));
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
        String signedHeaders = String.join(";", signed.keySet());
        String canonicalRequest = method + "\n" + canonicalPath(url, service) + "\n" + canonicalQuery(url) + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String signature = signature(credentials, amzDate, scope, region, service, canonicalRequest);
        added.put("authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return added;
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256 as lowercase hex
     */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * URI-encodes as SigV4 requires: every byte but the unreserved characters {@code A-Z a-z 0-9 - . _ ~} as
     * {@code %XX} with uppercase hex.
     *
     * @param text the text
     * @param encodeSlash whether '/' is encoded too (false for object key paths)
     * @return the encoded text
     */
    public static String encode(String text, boolean encodeSlash) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved || (c == '/' && !encodeSlash)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String signature(AwsCredentials credentials, String amzDate, String scope, String region, String service,
            String canonicalRequest) {
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey().reveal()).getBytes(StandardCharsets.UTF_8),
                amzDate.substring(0, 8));
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return HEX.formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static String canonicalPath(URI url, String service) {
        String path = rawPath(url);
        // S3 signs the path as sent; every other service signs it URI-encoded once more.
        return service.equals("s3") ? path : encode(path, false);
    }

    private static String rawPath(URI url) {
        String path = url.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String canonicalQuery(URI url) {
        String raw = url.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        TreeMap<String, String> params = new TreeMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(encode(decode(name), true), encode(decode(value), true));
        }
        return join(params);
    }

    private static String decode(String encoded) {
        return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String join(Map<String, String> encodedParams) {
        StringJoiner joined = new StringJoiner("&");
        encodedParams.forEach((k, v) -> joined.add(k + "=" + v));
        return joined.toString();
    }

    static String hostHeader(URI url) {
        int port = url.getPort();
        boolean defaultPort = port < 0 || (port == 443 && "https".equals(url.getScheme()))
                || (port == 80 && "http".equals(url.getScheme()));
        return url.getHost() + (defaultPort ? "" : ":" + port);
    }
}
