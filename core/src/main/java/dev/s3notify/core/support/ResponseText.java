package dev.s3notify.core.support;

import dev.s3notify.core.text.SafeText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server sent back, made fit to print: every secret we know of removed wherever it appears (the webhook
 * URL's token segments and query values, header values, signing secrets, AWS credentials), with credential-like
 * patterns besides (query parameters such as {@code token=} or {@code sig=}, presigned-link parameters, bearer
 * tokens, AWS access key ids, the query and long path segments of any URL); control and bidirectional
 * characters stripped; at most {@link #QUOTE_LIMIT} characters. The known secrets and the patterns are this
 * class's own; the signing parameters, links shown by host, unsafe characters and the cut are {@link SafeText}'s,
 * as for every other quote.
 */
public final class ResponseText {
    /** Characters of a server's text quoted at most: as many as any other quote. */
    static final int QUOTE_LIMIT = SafeText.QUOTE_LIMIT;
    /** Secrets shorter than this are not searched for: they would blank out ordinary words. */
    static final int SHORTEST_SECRET = 6;
    private static final String REDACTED = "<redacted>";
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)((?:access_?token|token|sig|signature"
            + "|secret|client_?secret|password|passwd|api[-_]?key|apikey|key|auth|code)=)[^&\\s\"'<>]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic|token)(\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\\b");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?:(?:\\\\?/){2}[^\\s\"'<>]+");
    private static final Pattern TAG = Pattern.compile("(?is)<(script|style|title)\\b.*?</\\1\\s*>|<[^>]*>");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title");

    private ResponseText() {
    }

    /**
     * @param body the start of a body, as bytes
     * @param contentType its Content-Type, or empty
     * @return the body as text (UTF-8, malformed bytes replaced); an HTML page becomes its title and text
     */
    public static String decode(byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.UTF_8);
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        boolean html = contentType.toLowerCase(Locale.ROOT).contains("html") || start.startsWith("<!doctype html")
                || start.startsWith("<html");
        if (!html) {
            return text;
        }
        Matcher title = TITLE.matcher(text);
        String words = TAG.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
        String titled = title.find() ? title.group(1).strip() : "";
        return "an HTML page" + (titled.isEmpty() ? "" : " titled \"" + titled + "\"")
                + (words.isEmpty() ? "" : ": " + words);
    }

    /**
     * @param text a server's text, or what a formatter made of it
     * @param secrets values known to be secret, removed wherever they appear
     * @param cutShort whether the text is the start of something longer, which may end in part of a secret
     * @return the text, safe to print: redacted, on one line, at most {@link #QUOTE_LIMIT} characters
     */
    public static String quote(String text, Collection<String> secrets, boolean cutShort) {
        List<String> known = longestFirst(secrets);
        String safe = replaceKnown(text == null ? "" : text, known);
        if (cutShort) {
            safe = withoutTrailingPart(safe, known);
        }
        return SafeText.cut(oneLine(patterns(safe)), QUOTE_LIMIT);
    }

    /**
     * The same redaction as {@link #quote}, with the text's lines and length kept: for text that is worded and cut
     * later, such as an AWS error's message, which is quoted by its first line.
     *
     * @param text a server's text
     * @param secrets values known to be secret, removed wherever they appear
     * @return the text with every known secret and credential-like pattern replaced by {@code <redacted>}
     */
    public static String withoutSecrets(String text, Collection<String> secrets) {
        return text == null ? null : patterns(replaceKnown(text, longestFirst(secrets)));
    }

    private static List<String> longestFirst(Collection<String> secrets) {
        List<String> known = new ArrayList<>();
        secrets.stream().filter(s -> s != null && s.length() >= SHORTEST_SECRET).forEach(secret -> {
            known.add(secret);
            // As a canonical request or a query string quotes it: a session token's '/', '+' and '=' encoded.
            String encoded = java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
            if (!encoded.equals(secret)) {
                known.add(encoded);
                known.add(encoded.replace("+", "%20"));
            }
            // As a JSON body may quote it: JSON writers (Jackson among them, optionally) escape '/' as "\/".
            if (secret.indexOf('/') >= 0) {
                known.add(secret.replace("/", "\\/"));
            }
        });
        known.sort(Comparator.comparingInt(String::length).reversed());
        return known;
    }

    private static String replaceKnown(String text, List<String> known) {
        String safe = text;
        for (String secret : known) {
            safe = safe.replace(secret, REDACTED);
        }
        return safe;
    }

    private static String patterns(String text) {
        String safe = SafeText.signingParameters(text);
        safe = URL.matcher(safe).replaceAll(match -> Matcher.quoteReplacement(url(match.group())));
        safe = CREDENTIAL_PARAMETER.matcher(safe).replaceAll("$1" + REDACTED);
        safe = BEARER.matcher(safe).replaceAll("$1$2" + REDACTED);
        return AWS_KEY_ID.matcher(safe).replaceAll(REDACTED);
    }

    /** A URL with its query and long path segments (tokens, often) hidden. */
    private static String url(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        StringBuilder shown = new StringBuilder();
        for (String segment : path.split("(?<=/)")) {
            String bare = segment.endsWith("/") ? segment.substring(0, segment.length() - 1) : segment;
            shown.append(bare.length() >= 16 && !bare.contains(".") ? REDACTED + segment.substring(bare.length())
                    : segment);
        }
        return shown + (query < 0 ? "" : "?" + REDACTED);
    }

    /** Drops the start of a secret that the text ends with: a body cut short may end in the middle of one. */
    private static String withoutTrailingPart(String text, List<String> secrets) {
        for (String secret : secrets) {
            for (int length = Math.min(secret.length() - 1, text.length()); length >= SHORTEST_SECRET; length--) {
                if (text.endsWith(secret.substring(0, length))) {
                    return text.substring(0, text.length() - length) + REDACTED;
                }
            }
        }
        return text;
    }

    /**
     * SafeText's unsafe characters (C0 and C1 controls, bidirectional controls), and the other invisible ones
     * (format characters such as zero-width spaces, line and paragraph separators, lone surrogates), become spaces:
     * the words of a multi-line answer stay apart on one line.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), 4 * QUOTE_LIMIT));
        text.codePoints().forEach(c -> line.appendCodePoint(SafeText.invisible(c) ? ' ' : c));
        return line.toString().replaceAll("\\s+", " ").strip();
    }
}
