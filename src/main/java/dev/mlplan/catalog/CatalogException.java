package dev.mlplan.catalog;

/** The catalog cannot be read or is inconsistent, or a refresh failed. The CLI maps it to exit code 3. */
public final class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
