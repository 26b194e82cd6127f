package dev.mlplan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.mlplan.report.JsonRenderer;
import java.util.List;

/** What the commands print through Jackson: indented JSON with a final newline, and CSV with a header. */
final class JacksonText {
    private JacksonText() {}

    static String json(Object value) {
        try {
            return JsonRenderer.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows as CSV, one column per record component, in the order the record's {@code @JsonPropertyOrder} gives. */
    static String csv(List<?> rows, Class<?> rowType) {
        CsvMapper mapper = new CsvMapper();
        try {
            return mapper.writer(mapper.schemaFor(rowType).withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
