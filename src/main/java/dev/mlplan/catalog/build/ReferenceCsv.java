package dev.mlplan.catalog.build;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlplan.catalog.CatalogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one reference CSV file (header row, all values as strings) with Jackson CSV. */
public final class ReferenceCsv {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withHeader();

    private ReferenceCsv() {}

    /** Every row as a column-name → value map; empty cells are empty strings. */
    public static List<Map<String, String>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CatalogException("reference file " + file + " does not exist or is not a file");
        }
        try (MappingIterator<Map<String, String>> it =
                MAPPER.readerForMapOf(String.class).with(SCHEMA).readValues(file.toFile())) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new CatalogException("cannot read reference file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The cell as a double, or {@code null} when it is missing or empty. */
    public static Double number(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new CatalogException("column " + column + " holds '" + v + "', not a number, in row " + row);
        }
    }

    /** The cell as a double, or {@code fallback} when it is missing or empty. */
    public static double number(Map<String, String> row, String column, double fallback) {
        Double d = number(row, column);
        return d == null ? fallback : d;
    }

    /** The cell, or "" when the column is missing. */
    public static String text(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v.trim();
    }
}
