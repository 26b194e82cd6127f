package dev.mlplan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mlplan.report.JsonRenderer;

/** What the commands print as JSON: indented, with a final newline. */
final class Json {
    private Json() {}

    static String pretty(Object value) {
        try {
            return JsonRenderer.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
