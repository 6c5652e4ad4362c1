package dev.s3notify.core.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Hands the SDK at most {@link #MAX_BYTES} of an error answer's body. The SDK reads an error body whole to find its
 * code and message; a hostile or broken endpoint answering 100 MB would otherwise be read into memory on every
 * attempt. Only the first line of the message is ever quoted ({@link AwsErrors}), so a few KB lose nothing.
 * Closing the cut stream early makes the url-connection client drop the connection instead of draining it.
 */
final class BoundedErrorBodies implements ExecutionInterceptor {
    static final BoundedErrorBodies INSTANCE = new BoundedErrorBodies();
    /** What an error answer's body may hand the SDK: AWS's own error documents are well under 1 KB. */
    static final int MAX_BYTES = 16 * 1024;

    private BoundedErrorBodies() {
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || context.httpResponse().isSuccessful()) {
            return body;
        }
        return Optional.of(new Cut(body.get(), MAX_BYTES));
    }

    /** A stream that ends after {@code left} bytes, whatever remains behind it. */
    static final class Cut extends FilterInputStream {
        private long left;

        Cut(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            left -= Math.max(read, 0);
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
