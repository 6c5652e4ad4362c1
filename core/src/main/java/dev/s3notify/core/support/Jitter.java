package dev.s3notify.core.support;

import java.security.SecureRandom;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Where retry jitter comes from: a generator seeded from {@link SecureRandom} on first use, and seeded again after
 * {@link #reseed()}. {@code ThreadLocalRandom} would not do under Lambda SnapStart: its seed is made when the class
 * is first used, before the snapshot, so every environment restored from one snapshot would wait the same "random"
 * times and retry in step. Seeding costs nothing at cold start: the first retry pays for it.
 */
public final class Jitter implements RandomGenerator {
    public static final Jitter SHARED = new Jitter();

    private volatile Random random;

    @Override
    public long nextLong() {
        Random current = random;
        if (current == null) {
            synchronized (this) {
                if (random == null) {
                    random = new Random(new SecureRandom().nextLong());
                }
                current = random;
            }
        }
        return current.nextLong();
    }

    /** @return whether a seed has been drawn since construction or the last {@link #reseed()} */
    boolean seeded() {
        return random != null;
    }

    /** Forgets the seed; the next value comes from a new one. */
    void reseed() {
        synchronized (this) {
            random = null;
        }
    }
}
