package dev.mlplan.workload;

import dev.mlplan.workload.QuantityParser.Dimension;
import dev.mlplan.workload.WorkloadKeys.Key;
import dev.mlplan.workload.WorkloadKeys.Section;
import java.util.Locale;

/**
 * The YAML reference (docs/workload-reference.md) as Markdown, generated from the parser's own key
 * tables so that the documentation cannot drift from what the parser accepts.
 */
public final class WorkloadReference {
    private WorkloadReference() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Workload YAML reference (schema version 1)\n\n");
        sb.append("Generated from the parser's key tables (`WorkloadKeys`); regenerate with\n");
        sb.append("`mvn test -Dtest=WorkloadReferenceTest -Dmlplan.golden.update=true`. Editors can validate against\n");
        sb.append("`mlplan schema` (JSON Schema). Values carry their units as text (\"200 GB\", \"24h\", \"50/s\", \"4500 USD\");\n");
        sb.append("unknown keys are errors with a \"did you mean\" hint. Every section but `version` and `name` is optional;\n");
        sb.append("a workload has at least one of `training`, `inference`, `storage`.\n\n");
        sb.append("## Units\n\n");
        sb.append("| kind | units | example |\n|---|---|---|\n");
        for (Dimension d : Dimension.values()) {
            sb.append("| ").append(d.noun()).append(" | ").append(String.join(", ", QuantityParser.shownUnits(d)).replace("|", "\\|"))
                    .append(" | `").append(d.example()).append("` |\n");
        }
        section(sb, WorkloadKeys.ROOT, "top level");
        return sb.toString();
    }

    private static void section(StringBuilder sb, Section s, String title) {
        sb.append("\n## ").append(s.path().isEmpty() ? title : "`" + s.path() + "`").append("\n\n");
        sb.append(s.description()).append("\n\n");
        sb.append("| key | type | required | default | description |\n|---|---|---|---|---|\n");
        for (Key k : s.keys()) {
            sb.append("| `").append(k.name()).append("` | ").append(type(k)).append(" | ").append(k.required() ? "yes" : "")
                    .append(" | ").append(k.defaultValue() == null ? "" : "`" + k.defaultValue() + "`").append(" | ")
                    .append(k.description().replace("|", "\\|"));
            if (k.shownExample() != null && k.type() == WorkloadKeys.Type.QUANTITY) {
                sb.append(" Example: `").append(k.shownExample()).append("`.");
            }
            boolean numeric = k.type() == WorkloadKeys.Type.QUANTITY || k.type() == WorkloadKeys.Type.INTEGER
                    || k.type() == WorkloadKeys.Type.NUMBER;
            String range = k.bound().describe(k.dimension());
            if (numeric && !range.isEmpty()) {
                sb.append(" Allowed: ").append(range).append('.');
            }
            sb.append(" |\n");
        }
        for (Key k : s.keys()) {
            if (k.section() != null) {
                section(sb, k.section(), k.name());
            }
        }
    }

    private static String type(Key k) {
        return switch (k.type()) {
            case QUANTITY -> k.dimension().noun() + (k.plainNumber() ? " (or a bare number)" : "");
            case ENUM -> "one of " + String.join(", ", k.values().stream().map(v -> "`" + v + "`").toList());
            case STRING_LIST -> "string list" + (k.values().isEmpty() ? ""
                    : " of " + String.join(", ", k.values().stream().map(v -> "`" + v + "`").toList()));
            case SECTION -> "section";
            default -> k.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
