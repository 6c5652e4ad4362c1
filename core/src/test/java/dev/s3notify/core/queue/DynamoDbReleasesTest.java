package dev.s3notify.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.aws.DeliveryTable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Releases of many claims: TransactWriteItems of a hundred conditional deletes, and one by one those whose own
 * condition held when a transaction is cancelled (dynalite has no transactions: a client that answers as DynamoDB
 * documents it).
 */
class DynamoDbReleasesTest {
    private final List<TransactWriteItemsRequest> transactions = new CopyOnWriteArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();

    private DynamoDbDeliveryRecords records(Function<TransactWriteItemsRequest, Object> answer) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof Consumer<?>) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getName().equals("transactWriteItems")) {
                TransactWriteItemsRequest request = (TransactWriteItemsRequest) args[0];
                transactions.add(request);
                Object result = answer.apply(request);
                if (result instanceof RuntimeException e) {
                    throw e;
                }
                return result;
            }
            if (method.getName().equals("deleteItem")) {
                deleted.add(((DeleteItemRequest) args[0]).key().get("pk").s());
                return DeleteItemResponse.builder().build();
            }
            throw new UnsupportedOperationException(method.getName());
        };
        DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
        return new DynamoDbDeliveryRecords(new DeliveryTable(() -> client, "deliveries"), Clock.systemUTC());
    }

    private static List<String> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> "event-" + i).toList();
    }

    @Test
    void releasesTwoHundredFiftyClaimsInThreeConditionalTransactions() {
        Failures failures = records(request -> TransactWriteItemsResponse.builder().build())
                .releaseAll("dest", events(250), Instant.now().plusSeconds(10));

        assertThat(failures.any()).isFalse();
        assertThat(transactions).extracting(t -> t.transactItems().size()).containsExactlyInAnyOrder(100, 100, 50);
        assertThat(transactions.get(0).transactItems().get(0).delete().conditionExpression())
                .isEqualTo("#owner = :me AND #state = :inProgress");
        assertThat(deleted).isEmpty();
    }

    @Test
    void releasesOneByOneTheClaimsWhoseConditionHeldWhenATransactionIsCancelled() {
        Failures failures = records(request -> TransactionCanceledException.builder().message("cancelled")
                .cancellationReasons(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ConditionalCheckFailed").build(),
                        CancellationReason.builder().code("TransactionConflict").build()).build())
                .releaseAll("dest", events(3), Instant.now().plusSeconds(10));

        assertThat(failures.any()).isFalse();
        assertThat(deleted).containsExactlyInAnyOrder("dest#event-0", "dest#event-2");
    }

    @Test
    void countsEveryRecordOfATransactionThatFailedAsAWholeAndNamesTheTableAndCode() {
        Failures failures = records(request -> DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .errorMessage("not allowed").build()).build())
                .releaseAll("dest", events(3), Instant.now().plusSeconds(10));

        assertThat(failures.count()).isEqualTo(3);
        assertThat(failures.first()).hasMessageContaining("TransactWriteItems").hasMessageContaining("deliveries")
                .hasMessageContaining("AccessDeniedException");
        assertThat(deleted).isEmpty();
    }
}
