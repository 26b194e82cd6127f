package dev.mlplan.catalog.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credential values from text before it is shown: the resolved secret access key and session
 * token wherever they appear, and anything written as {@code aws_secret_access_key = …},
 * {@code aws_session_token = …}, {@code X-Amz-Security-Token: …} and the like. The access key id is
 * not a secret and stays (it tells the user which key AWS rejected).
 */
final class Redactor {
    static final String MASK = "****";
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)(aws_secret_access_key|aws_session_token|aws_security_token|secret_?access_?key|session_?token"
                    + "|x-amz-security-token)(\"?\\s*[=:]\\s*\"?)([^\\s\",;&)]+)");
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactor none() {
        return new Redactor(List.of());
    }

    /** A redactor for these values (null and very short values are ignored). */
    static Redactor of(String... values) {
        List<String> s = new ArrayList<>();
        for (String v : values) {
            if (v != null && v.length() >= MIN_SECRET_LENGTH) {
                s.add(v);
            }
        }
        return new Redactor(List.copyOf(s));
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return SECRET_ASSIGNMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
    }

    /**
     * A copy of {@code t}'s cause chain with every message redacted and the stack traces kept, for
     * {@code --verbose}. The copies are plain {@link SanitisedException}s that name the original class.
     */
    Throwable sanitise(Throwable t) {
        return sanitise(t, 0);
    }

    private Throwable sanitise(Throwable t, int depth) {
        if (t == null || depth > 16) {
            return null;
        }
        Throwable cause = t.getCause() == t ? null : sanitise(t.getCause(), depth + 1);
        SanitisedException copy = new SanitisedException(t.getClass().getName(), redact(t.getMessage()), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for an exception from the AWS SDK or the JDK, with its message redacted. */
    static final class SanitisedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        SanitisedException(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}
