package dev.mlplan.workload;

import dev.mlplan.util.SafeText;
import java.util.Optional;

/**
 * A workload file that cannot be used: what is wrong, where (file, line and column, 1-based), and a
 * hint such as "did you mean 'epochs'?". The CLI maps it to exit code 2.
 */
public final class WorkloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final String hint;

    /**
     * The file name, problem and hint may hold input (a file name, a YAML parser's text that decodes
     * {@code %xx} in tags): each is made safe and one line here ({@link SafeText#oneLine}), where
     * every such message is built, so no control character or CI command reaches an output.
     */
    public WorkloadException(String file, int line, int column, String problem, String hint) {
        this(SafeText.oneLine(file), line, column, SafeText.oneLine(problem), SafeText.oneLine(hint), true);
    }

    private WorkloadException(String file, int line, int column, String problem, String hint, boolean safe) {
        super(format(file, line, column, problem, hint));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.hint = hint;
    }

    /** A problem with the file as a whole (missing, unreadable, empty). */
    public static WorkloadException ofFile(String file, String problem) {
        return new WorkloadException(file, 0, 0, problem, null);
    }

    private static String format(String file, int line, int column, String problem, String hint) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(problem);
        if (hint != null && !hint.isBlank()) {
            sb.append(" (").append(hint).append(')');
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
