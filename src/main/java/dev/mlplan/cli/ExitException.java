package dev.mlplan.cli;

/** Ends a command with an exit code and a message for the user (no stack trace). */
public final class ExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ExitException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
