package dev.s3notify.core.dispatch;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.support.ResponseHeaders;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTTP/1.1 as the webhook sender speaks it: one POST written whole (head and body, nothing the formatter did not ask
 * for but {@code Host}, {@code Content-Type}, {@code Content-Length} and {@code User-Agent}), and an answer's head
 * read with bounded sizes, its body framed by {@code Content-Length}, {@code chunked} or the end of the connection.
 * Anything else is "not valid HTTP" ({@link ProtocolException}); a connection that ends early is an
 * {@link EOFException}.
 */
final class Http1 {
    /** The longest line of a head (status line, one field, a chunk's size line). */
    static final int LONGEST_LINE = 8192;
    /** The most bytes of one head, all its lines together. */
    static final int LONGEST_HEAD = 65_536;
    /** The most fields of one head. */
    static final int MOST_FIELDS = 200;
    /** Interim (1xx) answers skipped before the real one, at most. */
    private static final int MOST_INTERIM = 8;
    /** Fields the sender itself writes, and which the formatter therefore cannot. */
    private static final Set<String> OWN = Set.of("host", "content-length", "content-type", "transfer-encoding",
            "connection", "expect", "upgrade", "te", "trailer", "keep-alive");

    private Http1() {
    }

    /**
     * What the head of an answer says.
     *
     * @param status the status code
     * @param headers the fields
     * @param reusable whether the server keeps the connection open after the body (HTTP/1.1 without
     *     {@code Connection: close})
     */
    record Head(int status, ResponseHeaders headers, boolean reusable) {
    }

    /**
     * @param target where to post: its path and query are sent as they are, its fragment never
     * @param request the body, content type and extra fields
     * @return the request's bytes, head and body
     * @throws IllegalArgumentException for a field the formatter cannot set, or one that is not a valid name or
     *     value (a line break would start another field)
     */
    static byte[] request(URI target, WebhookRequest request) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String query = target.getRawQuery();
        StringBuilder head = new StringBuilder(256).append("POST ").append(path)
                .append(query == null ? "" : "?" + query).append(" HTTP/1.1\r\nHost: ").append(hostField(target))
                .append("\r\n");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("content-type", "Content-Type: " + request.contentType());
        fields.put("user-agent", "User-Agent: s3-notify");
        request.headers().forEach((name, value) -> {
            String lower = checked(name, value);
            if (OWN.contains(lower)) {
                throw new IllegalArgumentException("the formatter cannot set the header \"" + lower + "\": the"
                        + " sender writes it");
            }
            fields.put(lower, name + ": " + value.strip());
        });
        checked("Content-Type", request.contentType());
        fields.values().forEach(line -> head.append(line).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static String hostField(URI target) {
        String host = target.getHost();
        int port = target.getPort();
        boolean usual = port == -1 || port == ("https".equalsIgnoreCase(target.getScheme()) ? 443 : 80);
        return usual ? host : host + ":" + port;
    }

    /** @return the name, lower-cased, when name and value can be sent as one field */
    private static String checked(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(Http1::token)) {
            throw new IllegalArgumentException("not a valid header name: \"" + printable(name) + "\"");
        }
        if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff))) {
            throw new IllegalArgumentException("the header " + name + " has a value with a line break, a control"
                    + " character or a character outside Latin-1");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean token(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "");
    }

    /**
     * Reads the head of the answer, skipping interim (1xx) ones.
     *
     * @param in the connection's input
     * @return the head; the body follows in {@code in}
     * @throws IOException when the connection fails or ends first, or what came is not an HTTP/1.x head
     */
    static Head readHead(InputStream in) throws IOException {
        for (int interim = 0; interim <= MOST_INTERIM; interim++) {
            Head head = oneHead(in);
            if (head.status() >= 200) {
                return head;
            }
            if (head.status() == 101) {
                throw new ProtocolException("invalid: a protocol switch that was not asked for");
            }
        }
        throw new ProtocolException("invalid: too many interim answers");
    }

    private static Head oneHead(InputStream in) throws IOException {
        int[] budget = {LONGEST_HEAD};
        String status = line(in, budget, true);
        if (status.length() < 12 || !status.startsWith("HTTP/1.") || status.charAt(8) != ' '
                || (status.length() > 12 && status.charAt(12) != ' ')) {
            throw new ProtocolException("invalid status line");
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                throw new ProtocolException("invalid status code");
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100) {
            throw new ProtocolException("invalid status code");
        }
        List<String> namesAndValues = new ArrayList<>();
        for (String field = line(in, budget, false); !field.isEmpty(); field = line(in, budget, false)) {
            int colon = field.indexOf(':');
            if (colon <= 0 || namesAndValues.size() >= 2 * MOST_FIELDS
                    || !field.substring(0, colon).chars().allMatch(Http1::token)) {
                throw new ProtocolException("invalid header field");
            }
            namesAndValues.add(field.substring(0, colon));
            namesAndValues.add(field.substring(colon + 1).strip());
        }
        ResponseHeaders headers = ResponseHeaders.of(namesAndValues.toArray(String[]::new));
        boolean close = headers.allValues("Connection").stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("close"));
        return new Head(code, headers, status.charAt(7) == '1' && !close);
    }

    /** One line without its CRLF (a bare LF is taken too), within the head's remaining budget. */
    private static String line(InputStream in, int[] budget, boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed before a complete head");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (--budget[0] < 0 || line.size() >= LONGEST_LINE) {
                throw new ProtocolException("invalid: a head longer than " + LONGEST_HEAD + " bytes");
            }
            if (first && line.size() < 5 && b != "HTTP/".charAt(line.size())) {
                throw new ProtocolException("invalid status line");
            }
            line.write(b);
        }
    }

    /**
     * @param head the answer's head
     * @param in the connection's input, just after the head
     * @return the body, ending where the answer says it ends
     * @throws IOException when the head frames the body in a way that cannot be read
     */
    static Body body(Head head, InputStream in) throws IOException {
        if (head.status() == 204 || head.status() == 304) {
            return new Body(InputStream.nullInputStream(), true);
        }
        List<String> codings = head.headers().allValues("Transfer-Encoding");
        if (!codings.isEmpty()) {
            String last = String.join(",", codings).toLowerCase(Locale.ROOT).strip();
            // Both framings at once may be a smuggling attempt: read as chunked, and the connection is not reused.
            boolean alone = head.headers().allValues("Content-Length").isEmpty();
            return last.endsWith("chunked") ? new Body(new Chunked(in), alone) : new Body(in, false);
        }
        List<String> lengths = head.headers().allValues("Content-Length");
        if (lengths.isEmpty()) {
            return new Body(in, false);
        }
        long length = -1;
        for (String value : String.join(",", lengths).split(",", -1)) {
            long one = length(value.strip());
            if (length >= 0 && one != length) {
                throw new ProtocolException("invalid: two different Content-Length values");
            }
            length = one;
        }
        return new Body(new Limited(in, length), true);
    }

    private static long length(String digits) throws ProtocolException {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ProtocolException("invalid Content-Length");
        }
        return Long.parseLong(digits);
    }

    /**
     * An answer's body.
     *
     * @param in its bytes, ending where the body ends
     * @param framed whether its end is not the connection's end (so the connection can carry another request)
     */
    record Body(InputStream in, boolean framed) {
    }

    /** A body of known parts: bytes are read up to the part's end, and then the next part is asked for. */
    private abstract static class Framed extends InputStream {
        final InputStream in;
        long left;
        private boolean done;

        Framed(InputStream in) {
            this.in = in;
        }

        /** @return the next part's length, 0 at the body's end */
        abstract long next() throws IOException;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                left = next();
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("closed before the end of the body");
            }
            left -= n;
            return n;
        }
    }

    /** The next {@code length} bytes; ending early is an {@link EOFException}. */
    private static final class Limited extends Framed {
        private long length;

        Limited(InputStream in, long length) {
            super(in);
            this.length = length;
        }

        @Override
        long next() {
            long part = length;
            length = 0;
            return part;
        }
    }

    /** A chunked body, its sizes read with bounded lines and its trailer fields read and dropped. */
    private static final class Chunked extends Framed {
        private boolean started;

        Chunked(InputStream in) {
            super(in);
        }

        @Override
        long next() throws IOException {
            int[] budget = {LONGEST_HEAD};
            if (started && !line(in, budget, false).isEmpty()) {
                throw new ProtocolException("invalid chunk end");
            }
            started = true;
            long size = size(line(in, budget, false));
            if (size == 0) {
                while (!line(in, budget, false).isEmpty()) {
                    // a trailer field: dropped
                }
            }
            return size;
        }

        private static long size(String line) throws ProtocolException {
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new ProtocolException("invalid chunk size");
            }
            return Long.parseLong(hex, 16);
        }
    }
}
