package dev.mlplan.catalog.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Bounds every response body the SDK reads ({@link RefreshOptions#maxResponseBytes()}): past the
 * limit the read fails with {@link TooLarge}, so an endpoint that sends without end cannot make the
 * refresh hold it all in memory. A gzip-encoded body is unpacked here, and the limit applies to the
 * unpacked bytes (the SDK would otherwise unpack it after this bound, and a 50 KB body can unpack to
 * gigabytes).
 */
final class ResponseLimit implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> GZIP = new ExecutionAttribute<>("mlplan.gzip");
    private final long maxBytes;

    ResponseLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse r = context.httpResponse();
        boolean gzip = r.firstMatchingHeader("Content-Encoding").map(v -> v.trim().equalsIgnoreCase("gzip")).orElse(false);
        attributes.putAttribute(GZIP, gzip);
        return gzip ? r.toBuilder().removeHeader("Content-Encoding").removeHeader("Content-Length").build() : r;
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        boolean gzip = Boolean.TRUE.equals(attributes.getAttribute(GZIP));
        return context.responseBody().map(in -> {
            if (!gzip) {
                return new Bounded(in, maxBytes);
            }
            try {
                return new Bounded(new GZIPInputStream(new Bounded(in, maxBytes)), maxBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
