package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.queue.DeliveryRecords.Claim;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Delivery records against dynalite: the conditional writes do what the queue path relies on. */
class DynamoDbDeliveryRecordsTest {
    private static Dynalite dynalite;
    private static DynamoDbClient dynamo;
    private static int tables;
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private String table;

    @BeforeAll
    static void startDynalite() {
        dynalite = Dynalite.start();
        dynamo = dynalite.client();
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
        dynalite.close();
    }

    @BeforeEach
    void createTable() {
        table = "deliveries-" + (++tables);
        dynalite.createTable(dynamo, table);
    }

    private DynamoDbDeliveryRecords records() {
        return new DynamoDbDeliveryRecords(() -> dynamo, table, clock);
    }

    @Test
    void claimsAnEventOnceAndSkipsItOnceDelivered() {
        DynamoDbDeliveryRecords first = records();
        DynamoDbDeliveryRecords second = records();

        assertThat(first.claim("dest", "event-1", NOW.plusSeconds(90))).isEqualTo(Claim.CLAIMED);
        assertThat(second.claim("dest", "event-1", NOW.plusSeconds(90))).isEqualTo(Claim.BUSY);
        first.delivered("dest", "event-1");

        assertThat(second.claim("dest", "event-1", NOW.plusSeconds(90))).isEqualTo(Claim.DELIVERED);
        assertThat(dynalite.item(dynamo, table, "dest#event-1")).containsKeys("state", "expiresAt")
                .satisfies(item -> assertThat(item.get("state").s()).isEqualTo("delivered"));
    }

    @Test
    void keepsDestinationsApart() {
        DynamoDbDeliveryRecords records = records();
        records.claim("discord", "event-1", NOW.plusSeconds(90));
        records.delivered("discord", "event-1");

        assertThat(records.claim("slack", "event-1", NOW.plusSeconds(90))).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void releasesAFailedDeliverySoThatARetryCanClaimIt() {
        DynamoDbDeliveryRecords first = records();
        first.claim("dest", "event-1", NOW.plusSeconds(90));

        first.release("dest", "event-1");

        assertThat(records().claim("dest", "event-1", NOW.plusSeconds(90))).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void takesOverTheClaimOfACrashedInvocationOnceItsLeaseLapses() {
        records().claim("dest", "event-1", NOW.plusSeconds(90));
        DynamoDbDeliveryRecords retry = records();

        now.set(NOW.plusSeconds(91));

        assertThat(retry.claim("dest", "event-1", NOW.plusSeconds(200))).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void neverReleasesAnotherInvocationsClaimNorADeliveredRecord() {
        DynamoDbDeliveryRecords crashed = records();
        crashed.claim("dest", "event-1", NOW.plusSeconds(90));
        now.set(NOW.plusSeconds(91));
        DynamoDbDeliveryRecords retry = records();
        retry.claim("dest", "event-1", NOW.plusSeconds(200));
        retry.delivered("dest", "event-1");

        crashed.release("dest", "event-1");
        crashed.delivered("dest", "event-1");

        assertThat(dynalite.item(dynamo, table, "dest#event-1").get("state").s()).isEqualTo("delivered");
        assertThat(records().claim("dest", "event-1", NOW.plusSeconds(300))).isEqualTo(Claim.DELIVERED);
    }

    @Test
    void setsATimeToLiveBeyondSqsRetention() {
        records().claim("dest", "event-1", NOW.plusSeconds(90));

        long expiresAt = Long.parseLong(dynalite.item(dynamo, table, "dest#event-1").get("expiresAt").n());

        assertThat(expiresAt).isGreaterThan(NOW.plus(java.time.Duration.ofDays(14)).getEpochSecond());
    }
}
