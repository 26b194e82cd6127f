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
        sb.append("# Workload YAML reference (schema versions 1 and 2)\n\n");
        sb.append("Generated from the parser's key tables (`WorkloadKeys`); regenerate with\n");
        sb.append("`mvn test -Dtest=WorkloadReferenceTest -Dmlplan.golden.update=true`. Editors can validate against\n");
        sb.append("`mlplan schema` (JSON Schema). Values carry their units as text (\"200 GB\", \"24h\", \"50/s\", \"4500 USD\");\n");
        sb.append("unknown keys are errors with a \"did you mean\" hint. Every section but `version` and `name` is optional;\n");
        sb.append("a workload has at least one of `training`, `inference`, `batch`, `storage`.\n\n");
        sb.append("A file says `version: 1` or `version: 2`. Version 2 reads every version-1 file the same way and adds the keys\n");
        sb.append("marked \"Since schema version 2\" below; a version-1 file that uses one gets an error naming the version it needs.\n");
        sb.append("From version 2, each of ").append(listable()).append(" may also be a list of mappings, each planned as\n");
        sb.append("its own part and each with a `name` (lowercase letters, digits and '-'), unique within the file (across\n");
        sb.append("all kinds); a single mapping may have a name too. The workload's monthly total is the sum of every part's best\n");
        sb.append("option. A storage item follows one compute item (its region, its readers, the hours it reads): the one its\n");
        sb.append("`serves` names, by default the first training item, else the first inference item.\n\n");
        sb.append("```yaml\nversion: 2\nname: ml-platform\ntraining:\n  - name: nightly-finetune\n    model: {preset: llama-2-7b}\n")
                .append("    dataset: {size: 2 GB, tokens: 50M}\n  - name: weekly-ablation\n    model: {preset: llama-2-7b}\n")
                .append("    dataset: {size: 40 GB, tokens: 2B}\nstorage:\n  name: datasets\n  data: 2 TB\n  serves: weekly-ablation\n```\n\n");
        sb.append("## Units\n\n");
        sb.append("| kind | units | example |\n|---|---|---|\n");
        for (Dimension d : Dimension.values()) {
            sb.append("| ").append(d.noun()).append(" | ").append(String.join(", ", QuantityParser.shownUnits(d)).replace("|", "\\|"))
                    .append(" | `").append(d.example()).append("` |\n");
        }
        section(sb, WorkloadKeys.ROOT, "top level");
        sb.append("\n## What the JSON Schema cannot check\n\n");
        sb.append("`mlplan schema` (published as `schema/mlplan-workload.schema.json`, docs/schema.md) accepts what\n");
        sb.append("`mlplan validate` accepts wherever JSON Schema can say it; `SchemaParityTest` runs both over more than 150\n");
        sb.append("documents. These rules only `mlplan validate` (and every other command) checks:\n\n");
        for (String rule : WorkloadSchema.UNEXPRESSED) {
            sb.append("- ").append(rule).append('\n');
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, Section s, String title) {
        sb.append("\n## ").append(s.path().isEmpty() ? title : "`" + s.path() + "`").append("\n\n");
        sb.append(s.description()).append("\n\n");
        sb.append("| key | type | required | default | description |\n|---|---|---|---|---|\n");
        for (Key k : s.keys()) {
            sb.append("| `").append(k.name()).append("` | ").append(type(k)).append(" | ").append(k.required() ? "yes" : "")
                    .append(" | ").append(k.defaultValue() == null ? "" : "`" + k.defaultValue() + "`").append(" | ")
                    .append(k.description().replace("|", "\\|")).append(WorkloadSchema.since(k.since()));
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

    /** "`training`, `inference` and `storage`": the top-level keys that may be lists. */
    private static String listable() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Key k : WorkloadKeys.ROOT.keys()) {
            if (k.listable()) {
                names.add("`" + k.name() + "`");
            }
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String type(Key k) {
        return switch (k.type()) {
            case QUANTITY -> k.dimension().noun() + (k.plainNumber() ? " (or a bare number)" : "");
            case ENUM -> "one of " + String.join(", ", k.values().stream().map(v -> "`" + v + "`").toList());
            case STRING_LIST -> "string list" + (k.values().isEmpty() ? ""
                    : " of " + String.join(", ", k.values().stream().map(v -> "`" + v + "`").toList()));
            case SECTION -> k.listable() ? "section, or a list of sections (since version " + k.listSince() + ")" : "section";
            default -> k.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
