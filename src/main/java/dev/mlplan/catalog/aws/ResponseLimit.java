package dev.mlplan.catalog.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Bounds every response body the SDK reads ({@link RefreshOptions#maxResponseBytes()}): past the
 * limit the read fails with {@link TooLarge}, so an endpoint that sends without end (or a body that
 * unpacks to gigabytes) cannot make the refresh hold it all in memory.
 */
final class ResponseLimit implements ExecutionInterceptor {
    private final long maxBytes;

    ResponseLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        return context.responseBody().map(in -> new Bounded(in, maxBytes));
    }

    /** The response body was larger than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("the response was larger than " + maxBytes + " bytes, more than any AWS answer the refresh reads");
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count(s);
            return s;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }
}
