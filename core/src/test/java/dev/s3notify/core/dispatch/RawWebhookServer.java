package dev.s3notify.core.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook that misbehaves at the socket level, on 127.0.0.1 and an ephemeral port: each connection reads one
 * request and then acts out the next {@link Behaviour} of its script (the last one repeats). Counts the requests
 * and the bytes it managed to write.
 */
public final class RawWebhookServer implements AutoCloseable {
    /** What the server does with one request. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "raw-webhook");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Behaviour> script;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final String scheme;
    private final AtomicLong written = new AtomicLong();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    public final List<String> bodies = new CopyOnWriteArrayList<>();
    /** Each request's head, as it came. */
    public final List<String> heads = new CopyOnWriteArrayList<>();

    public RawWebhookServer(Behaviour... script) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), "http", script);
    }

    private RawWebhookServer(ServerSocket socket, String scheme, Behaviour... script) {
        this.script = List.of(script);
        this.socket = socket;
        this.scheme = scheme;
        threads.execute(this::accept);
    }

    /** A server speaking TLS with the key and certificate of {@code tls}; its URLs name {@code localhost}. */
    public static RawWebhookServer tls(javax.net.ssl.SSLContext tls, Behaviour... script) throws IOException {
        return new RawWebhookServer(tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getByName("127.0.0.1")), "https", script);
    }

    int port() {
        return socket.getLocalPort();
    }

    public String url(String path) {
        return scheme + "://" + ("https".equals(scheme) ? "localhost" : "127.0.0.1") + ":" + port() + path;
    }

    /** @return how many connections were accepted */
    public int connections() {
        return connections.get();
    }

    public int requests() {
        return requests.get();
    }

    public long written() {
        return written.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                open.add(connection);
                threads.execute(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            while (readRequest(in)) {
                int index = requests.getAndIncrement();
                Behaviour behaviour = script.get(Math.min(index, script.size() - 1));
                behaviour.answer(connection, new CountingStream(connection.getOutputStream()));
                if (connection.isClosed()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, as it should when it gives up
        }
    }

    /** Reads the head and a Content-Length body; false at the end of the stream. */
    private boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        heads.add(head.toString(StandardCharsets.ISO_8859_1));
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        bodies.add(new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : open) {
            connection.close();
        }
        threads.shutdownNow();
    }

    /** @return a loopback port nothing listens on (it was free a moment ago) */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Answers with these bytes at once. */
    public static Behaviour respond(String raw) {
        return (socket, out) -> {
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    /** Answers with a head at once, then the rest a byte at a time, {@code gapMillis} apart. */
    public static Behaviour trickle(String head, String rest, long gapMillis) {
        return (socket, out) -> {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (byte b : rest.getBytes(StandardCharsets.UTF_8)) {
                Thread.sleep(gapMillis);
                out.write(b);
                out.flush();
            }
        };
    }

    /** Closes the connection with a reset (RST) instead of an answer. */
    public static Behaviour reset() {
        return (socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** Writes the start of an answer, then closes. */
    public static Behaviour closeAfter(String partial) {
        return (socket, out) -> {
            out.write(partial.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.close();
        };
    }

    /** Never answers (until the client gives up). */
    public static Behaviour silence() {
        return (socket, out) -> Thread.sleep(60_000);
    }

    /** An error whose body is {@code megabytes} MB of text, written as fast as the client reads. */
    public static Behaviour hugeBody(int status, int megabytes) {
        return (socket, out) -> {
            long length = megabytes * 1024L * 1024L;
            out.write(("HTTP/1.1 " + status + " Oops\r\nContent-Type: text/plain\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            try {
                for (long sent = 0; sent < length; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (SocketException e) {
                socket.close();
            }
        };
    }

    /** An answer with a body. */
    public static String answer(int status, String headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 " + status + " Status\r\n" + headers + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
    }

    private final class CountingStream extends OutputStream {
        private final OutputStream out;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
