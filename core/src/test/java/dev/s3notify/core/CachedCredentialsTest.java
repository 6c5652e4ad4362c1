package dev.s3notify.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedCredentialsTest {
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger roleForgotten = new AtomicInteger();
    private final CredentialsProvider role = new CredentialsProvider() {
        @Override
        public AwsCredentials credentials() {
            return keys("ASIAROLE");
        }

        @Override
        public void forget() {
            roleForgotten.incrementAndGet();
        }
    };

    @Test
    void loadsOnceUntilForgotten() {
        CachedCredentials cached = new CachedCredentials(() -> keys("AKIA" + loads.incrementAndGet()), role);

        assertThat(cached.credentials().accessKeyId()).isEqualTo("AKIA1");
        assertThat(cached.credentials().accessKeyId()).isEqualTo("AKIA1");
        cached.forget();

        assertThat(cached.credentials().accessKeyId()).isEqualTo("AKIA2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void forgettingAlsoForgetsTheCredentialsTheKeysWereReadWith() {
        CachedCredentials cached = new CachedCredentials(() -> keys("AKIA1"), role);

        cached.forget();

        assertThat(roleForgotten).hasValue(1);
    }

    @Test
    void aFailedLoadIsTriedAgainOnNextUse() {
        CachedCredentials cached = new CachedCredentials(() -> {
            if (loads.incrementAndGet() == 1) {
                throw new S3NotifyException("Secrets Manager could not be reached", null);
            }
            return keys("AKIA2");
        }, role);

        assertThatThrownBy(cached::credentials).isInstanceOf(S3NotifyException.class);
        assertThat(cached.credentials().accessKeyId()).isEqualTo("AKIA2");
    }

    private static AwsCredentials keys(String id) {
        return new AwsCredentials(id, Secret.of("secret-" + id), null, null);
    }
}
