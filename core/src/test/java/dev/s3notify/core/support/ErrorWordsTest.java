package dev.s3notify.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Unexpected exceptions in words: the kind of failure and its message, never a Java or SDK class name. */
class ErrorWordsTest {
    @Test
    void saysTheKindOfFailureInsteadOfTheClass() {
        assertThat(ErrorWords.of(new IllegalStateException("the batch was closed")))
                .isEqualTo("unexpected state: the batch was closed");
        assertThat(ErrorWords.of(new IllegalArgumentException("bad"))).isEqualTo("invalid value: bad");
        assertThat(ErrorWords.of(new NullPointerException())).isEqualTo("a value was missing");
        assertThat(ErrorWords.of(new UncheckedIOException(new IOException("disk full"))))
                .startsWith("reading or writing failed: ").doesNotContain("IOException");
        assertThat(ErrorWords.of(new OutOfMemoryError("Java heap space"))).isEqualTo("out of memory: Java heap space");
        assertThat(ErrorWords.of(new ArrayIndexOutOfBoundsException(3))).startsWith("internal error");
        assertThat(ErrorWords.of(new UnsupportedOperationException())).isEqualTo("unexpected error");
    }

    @Test
    void shortensQualifiedNamesAndDropsExceptionSuffixesInMessages() {
        assertThat(ErrorWords.withoutClassNames("class java.lang.String cannot be cast to class java.lang.Integer"))
                .isEqualTo("class String cannot be cast to class Integer");
        assertThat(ErrorWords.withoutClassNames(
                "software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException: The queue does not exist"))
                .isEqualTo("QueueDoesNotExist: The queue does not exist");
        assertThat(ErrorWords.withoutClassNames("caused by ApiCallTimeoutException and StackOverflowError"))
                .isEqualTo("caused by ApiCallTimeout and StackOverflow");
        assertThat(ErrorWords.withoutClassNames(null)).isNull();
    }

    @Test
    void masksPresignedLinksSigningParametersInTheMessage() {
        String words = ErrorWords.of(new IllegalStateException("no https://b.s3.amazonaws.com/k?X-Amz-Credential="
                + "AKIAIOSFODNN7EXAMPLE%2F20261121&X-Amz-Signature=0123456789abcdef0123456789abcdef"));

        assertThat(words).startsWith("unexpected state: no https://b.s3.amazonaws.com/k")
                .doesNotContain("0123456789abcdef0123456789abcdef", "AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void namesNoClassWhateverTheMessage() {
        String words = ErrorWords.of(new IllegalStateException(
                "java.util.concurrent.CompletionException: software.amazon.awssdk.core.exception.SdkClientException"));

        assertThat(words).doesNotContain("Exception", "java.", "software.");
    }
}
