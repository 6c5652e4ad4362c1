package dev.s3notify.core.aws;

import dev.s3notify.spi.AwsClients;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link AwsClients} for plugins, over the function's {@link AwsSession}: a plugin's client is configured exactly as
 * core's own ({@link AwsSession#configure}). The session is made on first use, so a function whose formatters call no
 * AWS service builds none. Thread-safe.
 */
public final class SessionClients implements AwsClients {
    private final Supplier<AwsSession> make;
    private final URI anyService;
    private volatile AwsSession session;

    /**
     * @param make makes the function's session, called at most once, on first use
     * @param anyService {@code AWS_ENDPOINT_URL}, the endpoint of every service without its own, or null
     */
    public SessionClients(Supplier<AwsSession> make, URI anyService) {
        this.make = Objects.requireNonNull(make, "make");
        this.anyService = anyService;
    }

    @Override
    public <B> B configure(B builder, URI endpoint) {
        session().configureAny(builder, endpoint != null ? endpoint : anyService);
        return builder;
    }

    @Override
    public String region() {
        return session().region();
    }

    /** @return the session, made now if it was not yet */
    public AwsSession session() {
        AwsSession made = session;
        if (made == null) {
            synchronized (this) {
                made = session;
                if (made == null) {
                    made = make.get();
                    session = made;
                }
            }
        }
        return made;
    }

    @Override
    public String toString() {
        return "SessionClients[" + (session == null ? "no session yet" : session) + "]";
    }
}
