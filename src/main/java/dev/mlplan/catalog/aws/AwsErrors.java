package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.aws.RefreshException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK failures into {@link RefreshException}s whose messages name the cause and a next step. */
final class AwsErrors {
    static final String IAM_HINT = "Check the IAM policy allows pricing:GetProducts, ec2:DescribeInstanceTypes and"
            + " ec2:DescribeSpotPriceHistory.";

    private static final Set<String> DENIED_CODES = Set.of(
            "AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "OptInRequired", "Blocked");
    private static final Set<String> REJECTED_CREDENTIAL_CODES = Set.of(
            "AuthFailure", "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch",
            "IncompleteSignature", "ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "InvalidAccessKeyId", "MissingAuthenticationToken");
    private static final Set<String> THROTTLING_CODES = Set.of(
            "ThrottlingException", "Throttling", "RequestLimitExceeded", "TooManyRequestsException",
            "RequestThrottled", "RequestThrottledException", "SlowDown", "EC2ThrottledException");

    private AwsErrors() {}

    /** Runs one AWS call (or a whole paginated iteration); any SDK failure becomes a {@link RefreshException}. */
    static <T> T call(String operation, Redactor redactor, Supplier<T> body) {
        return call(operation, redactor, null, body);
    }

    /** As {@link #call(String, Redactor, Supplier)}; a timeout after {@code deadline} has passed says so. */
    static <T> T call(String operation, Redactor redactor, Deadline deadline, Supplier<T> body) {
        try {
            return body.get();
        } catch (RefreshException e) {
            throw e;
        } catch (SdkException e) {
            if (deadline != null && deadline.expired() && isTimeout(e)) {
                throw deadline.expiredDuring(operation, redactor.sanitise(e));
            }
            throw map(e, operation, redactor, deadline);
        } catch (java.io.UncheckedIOException e) {
            // the URL-connection client lets some read failures out unwrapped ("Invalid Http response")
            throw map(e, operation, redactor, deadline);
        }
    }

    static RefreshException map(Throwable e, String operation, Redactor redactor) {
        return map(e, operation, redactor, null);
    }

    static RefreshException map(Throwable e, String operation, Redactor redactor, Deadline deadline) {
        Throwable cause = redactor.sanitise(e);
        if (isTimeout(e)) {
            String per = deadline == null ? "" : " (" + Deadline.human(deadline.callTimeout()) + " per attempt)";
            return new RefreshException(Reason.TIMEOUT, "catalog refresh failed: AWS did not answer in time during "
                    + operation + per + ", after every attempt (" + redactor.redact(rootMessage(e)) + "). Check the network"
                    + " connection and --endpoint-url / AWS_ENDPOINT_URL; nothing was written.", cause);
        }
        if (tooLarge(e) != null) {
            return new RefreshException(Reason.UNEXPECTED_RESPONSE, "catalog refresh failed: unexpected response from AWS"
                    + " during " + operation + ": " + tooLarge(e).getMessage() + ". If --endpoint-url or AWS_ENDPOINT_URL is"
                    + " set, check that it points at the AWS API.", cause);
        }
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            String detail = redactor.redact(describe(ase, code));
            int status = ase.statusCode();
            // HTTP 401 is "not authenticated"; the URL-connection client cannot read a 401 body (EC2's AuthFailure)
            // when the request was streamed, so the code may be missing
            if ((code != null && REJECTED_CREDENTIAL_CODES.contains(code)) || (status == 401 && (code == null
                    || !DENIED_CODES.contains(code)))) {
                return new RefreshException(Reason.ACCESS_DENIED, "catalog refresh failed: AWS rejected the credentials ("
                        + detail + ") during " + operation + ". Check the access key, refresh the session"
                        + " (e.g. aws sso login) or choose another profile with --profile.", cause);
            }
            if ((code != null && DENIED_CODES.contains(code)) || status == 403 || status == 401) {
                return new RefreshException(Reason.ACCESS_DENIED, "catalog refresh failed: AWS refused the request ("
                        + detail + ") during " + operation + ". " + IAM_HINT, cause);
            }
            if (ase.isThrottlingException() || (code != null && THROTTLING_CODES.contains(code)) || status == 429) {
                return new RefreshException(Reason.THROTTLED, "catalog refresh failed: AWS throttled the requests ("
                        + detail + ") during " + operation + " and kept doing so after the retries."
                        + " Try again later, or refresh fewer regions or services at a time.", cause);
            }
            return new RefreshException(Reason.UNEXPECTED_RESPONSE, "catalog refresh failed: unexpected response from"
                    + " AWS (" + detail + ", HTTP " + status + ") during " + operation + ".", cause);
        }
        if (isNetwork(e)) {
            return new RefreshException(Reason.NETWORK, "catalog refresh failed: cannot reach AWS during " + operation
                    + " (" + redactor.redact(rootMessage(e)) + "). Check the network connection, proxy settings and"
                    + " --endpoint-url / AWS_ENDPOINT_URL.", cause);
        }
        if (e instanceof SdkClientException && looksLikeMissingCredentials(e)) {
            return noCredentials(null, e, redactor);
        }
        return new RefreshException(Reason.UNEXPECTED_RESPONSE, "catalog refresh failed: unexpected response from AWS"
                + " during " + operation + " (" + redactor.redact(rootMessage(e)) + "). If --endpoint-url or"
                + " AWS_ENDPOINT_URL is set, check that it points at the AWS API (not a proxy or web page).", cause);
    }

    static RefreshException noCredentials(String profile, Throwable e, Redactor redactor) {
        String where = profile == null
                ? "checked system properties, environment variables, web identity token, the shared config and"
                        + " credentials files, the container and the instance metadata endpoints"
                : "profile '" + profile + "' in the shared config and credentials files";
        String next = profile == null
                ? "Set AWS_PROFILE or use --profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
                : "Check the profile name (aws configure list-profiles) or log in to it (aws sso login --profile "
                        + profile + ").";
        String detail = profile == null || e == null || e.getMessage() == null ? ""
                : " (" + shorten(redactor.redact(e.getMessage())) + ")";
        return new RefreshException(Reason.NO_CREDENTIALS, "catalog refresh failed: no AWS credentials found ("
                + where + ")" + detail + ". " + next, e == null ? null : redactor.sanitise(e));
    }

    /** The first line, without the SDK's dump of the parsed profile file, at most 200 characters. */
    private static String shorten(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        int dump = firstLine.indexOf(": ProfileFile(");
        if (dump > 0) {
            firstLine = firstLine.substring(0, dump);
        }
        return firstLine.length() <= 200 ? firstLine : firstLine.substring(0, 200) + "…";
    }

    private static String describe(AwsServiceException ase, String code) {
        String msg = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorMessage();
        if (code == null && msg == null) {
            return ase.getClass().getSimpleName();
        }
        if (code == null) {
            return msg;
        }
        return msg == null || msg.isBlank() ? code : code + ": " + msg;
    }

    /** A per-attempt, whole-call or socket read timeout somewhere in the chain. */
    static boolean isTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException
                    || c instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseLimit.TooLarge tooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ResponseLimit.TooLarge t) {
                return t;
            }
        }
        return null;
    }

    /**
     * A connection problem: a socket, DNS, TLS or timeout exception somewhere in the chain. Other
     * {@link IOException}s (a JSON or XML parser's) mean a response that could not be read.
     */
    private static boolean isNetwork(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException
                    || c instanceof InterruptedIOException) {
                return true;
            }
            if (c instanceof IOException) {
                String pkg = c.getClass().getPackageName();
                if (pkg.equals("java.net") || pkg.startsWith("javax.net") || pkg.startsWith("java.net.http")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean looksLikeMissingCredentials(Throwable e) {
        String m = e.getMessage();
        return m != null && (m.contains("Unable to load credentials") || m.contains("contained no credentials"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getSimpleName();
        if (root.getMessage() == null) {
            return name;
        }
        String m = shorten(root.getMessage());
        return root == e ? m : name + ": " + m;
    }
}
