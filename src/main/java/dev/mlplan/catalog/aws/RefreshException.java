package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.CatalogException;
import java.util.Optional;

/**
 * Why a refresh failed. {@link CatalogRefresher} never lets this escape on its own: it throws a
 * {@link CatalogException} (exit code 3) whose message is this exception's message and whose cause is
 * this exception, so the CLI needs no special case and can still tell the reasons apart with
 * {@link #reasonOf(Throwable)}. ({@code CatalogException} is final, so this cannot extend it.)
 *
 * <p>Messages are built from redacted text only: no secret access key or session token can appear
 * in them, nor in the (sanitised) cause chain below this exception.
 */
public final class RefreshException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The cause of a failed refresh, as the user should understand it. */
    public enum Reason {
        /** No credential provider found credentials (nothing was sent to AWS). */
        NO_CREDENTIALS,
        /** AWS refused the credentials or the IAM policy does not allow the call. */
        ACCESS_DENIED,
        /** AWS kept throttling after every retry. */
        THROTTLED,
        /** The endpoint could not be reached (refused, DNS, timeout, TLS). */
        NETWORK,
        /** AWS (or the endpoint) answered something the refresh cannot use. */
        UNEXPECTED_RESPONSE,
        /** A listing returned a next-page token it had returned before: it would never end. */
        PAGINATION,
        /** No answer within the per-call timeout after every attempt, or the overall deadline passed. */
        TIMEOUT,
        /** The merged catalog failed the checks {@code --catalog} applies: nothing was written. */
        INVALID_CATALOG
    }

    private final Reason reason;

    public RefreshException(Reason reason, String message, Throwable sanitisedCause) {
        super(message, sanitisedCause);
        this.reason = reason;
    }

    public RefreshException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The exception {@link CatalogRefresher} throws for this failure. */
    CatalogException toCatalogException() {
        return new CatalogException(getMessage(), this);
    }

    /** The reason of a refresh failure anywhere in {@code t}'s cause chain, if it is one. */
    public static Optional<Reason> reasonOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RefreshException r) {
                return Optional.of(r.reason);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Optional.empty();
    }
}
