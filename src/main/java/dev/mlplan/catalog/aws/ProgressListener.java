package dev.mlplan.catalog.aws;

/** Receives one line per step of a refresh (a request sent, a page read), for the CLI to show. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = message -> {};

    void progress(String message);
}
