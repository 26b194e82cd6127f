package dev.mlplan.catalog.aws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one function that removes credentials from text before mlplan shows it (messages, warnings,
 * progress lines, the refresh summary and, with {@code --verbose}, stack traces). It masks:
 *
 * <ul>
 *   <li>each secret it was given (secret access key, session token) in any of the encodings it can
 *       reach output in: raw, URL-encoded (any character as {@code %XX}, upper or lower case, or
 *       twice as {@code %25XX}), JSON- or Java-escaped ({@code \/}, {@code \u002F}), HTML character
 *       references ({@code &#x2F;}, {@code &#47;}), and Base64;
 *   <li>the access key id, in the same encodings, down to its last four characters, as
 *       {@code aws configure list} shows it ({@code ****************WXYZ}), so that a message still
 *       tells which key AWS rejected; an id shorter than 16 characters is masked whole;
 *   <li>anything written as {@code aws_secret_access_key = …}, {@code aws_session_token = …},
 *       {@code X-Amz-Security-Token: …}, {@code aws_access_key_id = …} and the like, and the request
 *       signature of an {@code Authorization} header ({@code Signature=…}).
 * </ul>
 */
public final class Redactor {
    public static final String MASK = "****";
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)(aws_secret_access_key|aws_session_token|aws_security_token|aws_access_key_id|secret_?access_?key"
                    + "|session_?token|x-amz-security-token)(\"?\\s*[=:]\\s*\"?)([^\\s\",;&)<]+)");
    private static final Pattern SIGNATURE = Pattern.compile("(?i)\\b(Signature=)([0-9a-f]{16,})");
    private static final int MIN_SECRET_LENGTH = 4;
    private static final int KEY_ID_SHOWN = 4;
    private static final int KEY_ID_MIN_PARTIAL = 16;

    private record Masked(Pattern pattern, String replacement) {}

    private final List<Masked> masks;

    private Redactor(List<Masked> masks) {
        this.masks = masks;
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** Masks these secret values whole (null and values shorter than 4 characters are ignored). */
    public static Redactor of(String... secrets) {
        return of(List.of(), nonNull(secrets));
    }

    /** The redactor of one set of AWS credentials (any part may be null). */
    public static Redactor forCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        return of(nonNull(accessKeyId), nonNull(secretAccessKey, sessionToken));
    }

    /**
     * Masks the {@code secrets} whole and the {@code keyIds} down to their last four characters; longer
     * values first, so that a value containing another is masked whole.
     */
    public static Redactor of(List<String> keyIds, List<String> secrets) {
        List<Masked> m = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.strip().length() >= MIN_SECRET_LENGTH && !all.contains(s.strip())) {
                all.add(s.strip());
            }
        }
        int nSecrets = all.size();
        for (String k : keyIds) {
            if (k != null && k.strip().length() >= MIN_SECRET_LENGTH && !all.contains(k.strip())) {
                all.add(k.strip());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> all.get(i).length()).reversed());
        for (int i : order) {
            String v = all.get(i);
            boolean keyId = i >= nSecrets;
            String replacement = keyId && v.length() >= KEY_ID_MIN_PARTIAL
                    ? "*".repeat(v.length() - KEY_ID_SHOWN) + v.substring(v.length() - KEY_ID_SHOWN) : MASK;
            m.add(new Masked(encodings(v), Matcher.quoteReplacement(replacement)));
        }
        return new Redactor(List.copyOf(m));
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** A pattern for {@code value} raw or with any character escaped, and for its Base64 form. */
    private static Pattern encodings(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String hex = String.format(Locale.ROOT, "%02x", (int) c);
            sb.append("(?:").append(Pattern.quote(String.valueOf(c)));
            if (c < 0x80) {
                sb.append("|%(?:25)?(?i:").append(hex).append(")")
                        .append("|\\\\u(?i:00").append(hex).append(")")
                        .append("|&#(?:(?i:x0*").append(hex).append(")|0*").append((int) c).append(");");
                if (c == '/') {
                    sb.append("|\\\\/");
                }
            }
            sb.append(")");
        }
        String b64 = Base64.getEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        sb.append("|").append(Pattern.quote(b64));
        return Pattern.compile(sb.toString());
    }

    /** {@code text} with every credential masked (null stays null). */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Masked m : masks) {
            out = m.pattern().matcher(out).replaceAll(m.replacement());
        }
        out = SECRET_ASSIGNMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        return SIGNATURE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /**
     * A copy of {@code t}'s cause chain with every message redacted and the stack traces kept, for
     * {@code --verbose}. The copies are plain {@link SanitisedException}s that name the original class.
     */
    public Throwable sanitise(Throwable t) {
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
