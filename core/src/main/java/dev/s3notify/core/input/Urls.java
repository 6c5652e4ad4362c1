package dev.s3notify.core.input;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks URLs given in configuration. */
public final class Urls {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    /** An ARN whose every character a URI may hold as it is: partition, service, region, account, resource. */
    private static final Pattern ARN = Pattern.compile("arn:[a-z][a-z0-9-]{0,31}:[a-z0-9-]{1,64}:[a-z0-9-]{0,32}"
            + ":[0-9]{0,12}:[A-Za-z0-9_.:/+=,@-]{1,1024}");

    private Urls() {
    }

    /**
     * A destination, given where a webhook URL goes ({@code WEBHOOK_URL}, a route's {@code url}, a stored URL): an
     * https URL (http only for loopback), or an ARN, for a kind whose formatter delivers through an AWS service
     * itself (the {@code sns} kind's topic ARN). Which kind takes which is checked once the kind is chosen.
     *
     * @param text the configured value
     * @return the URL, or the ARN as an opaque URI ({@code arn:aws:sns:us-east-1:123456789012:uploads})
     * @throws IllegalArgumentException saying what was expected
     */
    public static URI destination(String text) {
        if (!text.regionMatches(true, 0, "arn:", 0, 4)) {
            return parse(text, true);
        }
        if (!ARN.matcher(text).matches()) {
            throw new IllegalArgumentException("an https URL, or an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:"
                    + "RESOURCE, such as arn:aws:sns:us-east-1:123456789012:uploads)");
        }
        return URI.create(text);
    }

    /**
     * @param text a URL given in configuration
     * @param httpsOnly whether plain http is refused but for loopback
     * @return the URL
     * @throws IllegalArgumentException saying what was expected
     */
    public static URI parse(String text, boolean httpsOnly) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a valid absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("an absolute http(s) URL with a host");
        }
        if (httpsOnly && scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("an https URL (plain http is accepted only for loopback: localhost,"
                    + " 127.0.0.0/8 and [::1])");
        }
        return uri;
    }

    /**
     * Whether a URL's host is this machine, decided from the text alone (no name is looked up): {@code localhost},
     * an IPv4 literal in 127.0.0.0/8, or the IPv6 loopback literal. {@code 127.0.0.1.nip.io} and
     * {@code 127.attacker.example} are names, resolved by someone else's DNS, and are not.
     *
     * @param host the host as {@link URI#getHost()} gives it (IPv6 literals in brackets)
     * @return whether plain http to it stays on this machine
     */
    public static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        var quad = IPV4.matcher(name);
        if (quad.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(quad.group(i)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(quad.group(1)) == 127;
        }
        if (IPV6.matcher(name).matches()) {
            try {
                // A literal of hex digits, colons and dots: parsed, never looked up.
                return InetAddress.getByName(name.substring(1, name.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
