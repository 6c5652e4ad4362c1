package dev.s3notify.core.queue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Tests against dynalite: one dynalite per test class, a fresh table shaped as the template's for each test. */
abstract class DynaliteTableTest {
    static Dynalite dynalite;
    static DynamoDbClient dynamo;
    private static int tables;
    String table;

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
        table = "table-" + (++tables);
        dynalite.createTable(dynamo, table);
    }
}
