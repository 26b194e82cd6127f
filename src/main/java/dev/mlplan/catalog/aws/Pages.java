package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.aws.RefreshException.Reason;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows a paginated listing ({@code NextToken} of the Price List, {@code nextToken} of EC2) by hand
 * rather than with the SDK's paginators, which stop only at an absent or empty token: a server that
 * returns a token it returned before (the same one again, or a cycle through several) would keep them
 * asking for ever. A repeated token fails the refresh (exit 3) naming both pages; so does a listing
 * longer than {@value #MAX_PAGES} pages. Each page's request carries the deadline's timeouts.
 */
final class Pages {
    /** A backstop far above any real listing (the largest, EC2 prices in us-east-1, is under 100 pages of 100). */
    static final int MAX_PAGES = 10_000;

    private Pages() {}

    /** One page: what to do with it and its next token (null or empty: the last page). */
    interface Page<R> {
        /** Handles the page; returns its next token. */
        String accept(int pageNumber, R response);
    }

    /**
     * Requests pages until a page has no next token.
     *
     * @param request sends the request for the page after {@code token} (null: the first page) with the
     *     given timeouts
     */
    static <R> void follow(String operation, Deadline deadline, Redactor redactor,
            RequestFn<R> request, Page<R> page) {
        Map<String, Integer> seen = new HashMap<>();
        String token = null;
        for (int n = 1; ; n++) {
            if (n > MAX_PAGES) {
                throw new RefreshException(Reason.UNEXPECTED_RESPONSE, "catalog refresh failed: " + operation
                        + " returned more than " + MAX_PAGES + " pages; the listing does not end. Nothing was written.");
            }
            String current = token;
            R response = AwsErrors.call(operation, redactor, deadline, () -> request.send(current, deadline.override(operation)));
            String next = page.accept(n, response);
            if (next == null || next.isEmpty()) {
                return;
            }
            Integer earlier = seen.putIfAbsent(next, n);
            if (earlier != null || next.equals(current)) {
                int first = earlier == null ? n - 1 : earlier;
                throw new RefreshException(Reason.PAGINATION, "catalog refresh failed: " + operation + " returned on page "
                        + n + " the next-page token it had already returned on page " + first + " ('"
                        + shorten(redactor.redact(next)) + "'): the listing would never end. Nothing was written."
                        + " If --endpoint-url or AWS_ENDPOINT_URL is set, check the endpoint; otherwise try again later.");
            }
            token = next;
        }
    }

    /** Sends one page's request. */
    interface RequestFn<R> {
        R send(String token, software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration timeouts);
    }

    private static String shorten(String token) {
        return token.length() <= 24 ? token : token.substring(0, 24) + "…";
    }
}
