package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.workload.WorkloadSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 5: the published JSON Schema, run by an independent validator (networknt, reading
 * the YAML with Jackson), and {@code mlplan validate} agree on every document of a corpus of
 * hand-written edge cases and seeded variants of the example workloads, except where validate
 * applies one of {@link WorkloadSchema#UNEXPRESSED}: there the schema accepts and validate refuses
 * with that rule's message, and the test counts and prints the cases per rule.
 */
class SchemaParityTest {
    private static final long SEED = 18_5L;
    private static final int VARIANTS_PER_WORKLOAD = 9;

    /** How validate words each rule the schema cannot express, in the order of {@link WorkloadSchema#UNEXPRESSED}. */
    private static final List<Pattern> RULE_MESSAGES = List.of(
            Pattern.compile("traffic\\.peak .* is below traffic\\.average"),
            Pattern.compile("idle_power .* is above power"),
            Pattern.compile("kv_heads \\(\\d+\\) is above"),
            Pattern.compile("concurrency \\(\\d+\\)( trials of at least one node each)? is above"),
            Pattern.compile("constraints\\.allow_spot is .* constraints\\.pricing"),
            Pattern.compile("is both included and excluded"),
            Pattern.compile("is already the name of another item|is not the name of a training, inference or batch item"),
            Pattern.compile("give 'preset' or 'parameters'|are planned for training only"),
            Pattern.compile("missing '(tokens|samples|rows|tokens' or 'samples)'"),
            Pattern.compile("applies to boosted trees only"),
            Pattern.compile("tokens exceed|exceeds .*context"),
            Pattern.compile("applies only to (diffusion|speech) presets|missing 'audio_seconds'"),
            Pattern.compile("applies only to a model that generates tokens"),
            Pattern.compile("expected [a-z ]+ (from|greater than|of 0 or more|of at least) .* at most .*, found"),
            Pattern.compile("unknown model preset|accelerator '.*' is not in the catalog"),
            Pattern.compile("\\(hexadecimal or octal\\)"),
            Pattern.compile("which YAML 1\\.1 reads as true or false"));

    private static Schema schema;
    private static String published;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() {
        published = SchemaCommand.text(CatalogLoader.embedded());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(published, InputFormat.JSON);
    }

    @Test
    void theRuleMessagesMatchTheListedRules() {
        assertThat(RULE_MESSAGES).hasSize(WorkloadSchema.UNEXPRESSED.size());
    }

    @Test
    void schemaAndValidateAgreeOnTheCorpusExceptTheListedRules() throws IOException {
        Map<String, Case> corpus = new LinkedHashMap<>();
        handWritten().forEach(c -> corpus.put(c.label(), c));
        generated().forEach(c -> corpus.putIfAbsent(c.label(), c));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);

        Cli cli = new Cli(dir);
        Map<Integer, List<String>> byRule = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int i = 0;
        for (Case c : corpus.values()) {
            String file = "doc-" + (i++) + ".yaml";
            Files.writeString(dir.resolve(file), c.yaml(), StandardCharsets.UTF_8);
            Cli.Result run = cli.run("validate", "-q", file);
            assertThat(run.code()).as(c.label() + "\n" + run.err()).isIn(0, 2);
            boolean cliOk = run.code() == 0;
            List<Error> errors = schemaErrors(c.yaml());
            boolean schemaOk = errors != null && errors.isEmpty();
            accepted += cliOk ? 1 : 0;
            if (cliOk == schemaOk) {
                continue;
            }
            int rule = schemaOk ? rule(run.err()) : looseName(errors);
            if (rule < 0) {
                disagreements.add(c.label() + ": validate " + (cliOk ? "accepts" : "refuses: " + run.err().strip()) + "; schema "
                        + (schemaOk ? "accepts" : "refuses: " + errors) + "\n" + c.yaml());
            } else {
                byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(c.label());
            }
        }
        StringBuilder report = new StringBuilder("schema parity: " + corpus.size() + " documents, " + accepted + " valid;"
                + " cases of the rules the schema cannot express:\n");
        byRule.forEach((rule, labels) -> report.append("  ").append(WorkloadSchema.UNEXPRESSED.get(rule)).append(": ").append(labels.size())
                .append(" (").append(labels.get(0)).append(")\n"));
        System.out.print(report);
        assertThat(disagreements).as(report.toString()).isEmpty();
        assertThat(accepted).as("valid documents in the corpus").isGreaterThan(40);
        assertThat(corpus.size() - accepted).as("invalid documents in the corpus").isGreaterThan(80);
    }

    /** The validator's errors for a YAML document; null when it is not YAML Jackson reads. */
    private static List<Error> schemaErrors(String yaml) {
        try {
            return schema.validate(yaml, InputFormat.YAML);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The rule of names matched loosely: validate accepts a preset or accelerator in other case or
     * spacing, which the schema's lowercase enum refuses; -1 when the schema refused for another reason.
     */
    private static int looseName(List<Error> errors) {
        boolean onlyNames = errors != null && errors.stream().allMatch(e -> e.getInstanceLocation().toString().matches(".*(preset|accelerator)$"));
        return onlyNames ? RULE_MESSAGES.size() - 3 : -1;
    }

    private static int rule(String message) {
        for (int r = 0; r < RULE_MESSAGES.size(); r++) {
            if (RULE_MESSAGES.get(r).matcher(message).find()) {
                return r;
            }
        }
        return -1;
    }

    record Case(String label, String yaml) {}

    // ---- the corpus ------------------------------------------------------------------------------

    private static final String HEAD = "version: 2\nname: edge\n";
    private static final String STORAGE = "storage: {data: 1 GB}\n";

    private static Case hand(String label, String body) {
        return new Case("hand: " + label, body);
    }

    /** Edge cases written out: each key kind at and beyond its limits, the part shapes and the listed rules. */
    static List<Case> handWritten() {
        List<Case> out = new ArrayList<>();
        out.add(hand("smallest", HEAD + STORAGE));
        out.add(hand("no part", HEAD));
        out.add(hand("version 0", "version: 0\nname: edge\n" + STORAGE));
        out.add(hand("version 3", "version: 3\nname: edge\n" + STORAGE));
        out.add(hand("version quoted", "version: \"2\"\nname: edge\n" + STORAGE));
        out.add(hand("version 1.5", "version: 1.5\nname: edge\n" + STORAGE));
        out.add(hand("name a number", "version: 2\nname: 2024\n" + STORAGE));
        out.add(hand("name quoted number", "version: 2\nname: \"2024\"\n" + STORAGE));
        out.add(hand("name uppercase", "version: 2\nname: Edge\n" + STORAGE));
        out.add(hand("name 64 chars", "version: 2\nname: " + "a".repeat(64) + "\n" + STORAGE));
        out.add(hand("name 63 chars", "version: 2\nname: " + "a".repeat(63) + "\n" + STORAGE));
        out.add(hand("name empty", "version: 2\nname: \"\"\n" + STORAGE));
        out.add(hand("description number", HEAD + "description: 5\n" + STORAGE));
        out.add(hand("description yes", HEAD + "description: yes\n" + STORAGE));
        out.add(hand("regions any", HEAD + "regions: [any]\n" + STORAGE));
        out.add(hand("regions any and one", HEAD + "regions: [any, us-east-1]\n" + STORAGE));
        out.add(hand("regions empty", HEAD + "regions: []\n" + STORAGE));
        out.add(hand("regions twice", HEAD + "regions: [us-east-1, us-east-1]\n" + STORAGE));
        out.add(hand("regions two", HEAD + "regions: [us-east-1, eu-west-1]\n" + STORAGE));
        out.add(hand("regions not in catalog", HEAD + "regions: [us-east-9]\n" + STORAGE));
        out.add(hand("regions typo", HEAD + "regions: [us-east1]\n" + STORAGE));
        out.add(hand("regions a string", HEAD + "regions: us-east-1\n" + STORAGE));
        out.add(hand("storage empty list", HEAD + "storage: []\n"));
        out.add(hand("storage list unnamed", HEAD + "storage: [{data: 1 GB}]\n"));
        out.add(hand("storage list named", HEAD + "storage: [{name: a, data: 1 GB}, {name: b, data: 2 GB}]\n"));
        out.add(hand("storage list in version 1", "version: 1\nname: edge\nstorage: [{name: a, data: 1 GB}]\n"));
        out.add(hand("storage list duplicate names", HEAD + "storage: [{name: a, data: 1 GB}, {name: a, data: 2 GB}]\n"));
        out.add(hand("storage nested list", HEAD + "storage: [[{name: a, data: 1 GB}]]\n"));
        out.add(hand("storage a string", HEAD + "storage: lots\n"));
        out.add(hand("storage null", HEAD + "storage:\n"));
        out.add(hand("storage zero", HEAD + "storage: {data: 0 GB}\n"));
        out.add(hand("storage zero decimal", HEAD + "storage: {data: 0.0 TB}\n"));
        out.add(hand("storage tiny", HEAD + "storage: {data: 0.001 GB}\n"));
        out.add(hand("storage negative", HEAD + "storage: {data: -1 GB}\n"));
        out.add(hand("storage bare number", HEAD + "storage: {data: 100}\n"));
        out.add(hand("storage bad unit", HEAD + "storage: {data: 12 hrs}\n"));
        out.add(hand("storage too large", HEAD + "storage: {data: 2000 PB}\n"));
        out.add(hand("storage growth zero", HEAD + "storage: {data: 1 GB, growth: 0 GB/month}\n"));
        out.add(hand("storage reads bare", HEAD + "storage: {data: 1 GB, reads: 100}\n"));
        out.add(hand("storage reads bare too many", HEAD + "storage: {data: 1 GB, reads: 1000000000}\n"));
        out.add(hand("storage prefixes zero", HEAD + "storage: {data: 1 GB, prefixes: 0}\n"));
        out.add(hand("storage access bad", HEAD + "storage: {data: 1 GB, access: sometimes}\n"));
        out.add(hand("storage serves unknown", HEAD + "storage: {data: 1 GB, serves: trainer}\n"));
        out.add(hand("storage serves in version 1", "version: 1\nname: edge\nstorage: {data: 1 GB, serves: trainer}\n"));
        out.add(hand("budget", HEAD + "budget: {monthly: 3000 USD}\n" + STORAGE));
        out.add(hand("budget dollar", HEAD + "budget: {monthly: $3000}\n" + STORAGE));
        out.add(hand("budget zero", HEAD + "budget: {monthly: $0}\n" + STORAGE));
        out.add(hand("budget warn 0%", HEAD + "budget: {monthly: 3000 USD, warn_at: 0%}\n" + STORAGE));
        out.add(hand("budget missing monthly", HEAD + "budget: {warn_at: 50%}\n" + STORAGE));
        out.add(hand("constraints spot", HEAD + "constraints: {allow_spot: false}\n" + STORAGE));
        out.add(hand("constraints spot yes", HEAD + "constraints: {allow_spot: yes}\n" + STORAGE));
        out.add(hand("constraints spot quoted", HEAD + "constraints: {allow_spot: \"true\"}\n" + STORAGE));
        out.add(hand("constraints spot True", HEAD + "constraints: {allow_spot: True}\n" + STORAGE));
        out.add(hand("constraints max_nodes 1024", HEAD + "constraints: {max_nodes: 1024}\n" + STORAGE));
        out.add(hand("constraints max_nodes 1025", HEAD + "constraints: {max_nodes: 1025}\n" + STORAGE));
        out.add(hand("constraints max_nodes 0", HEAD + "constraints: {max_nodes: 0}\n" + STORAGE));
        out.add(hand("constraints max_nodes 2.5", HEAD + "constraints: {max_nodes: 2.5}\n" + STORAGE));
        out.add(hand("constraints families", HEAD + "constraints: {families: {include: [g5, p4d]}}\n" + STORAGE));
        out.add(hand("constraints families bad", HEAD + "constraints: {families: {include: [G5]}}\n" + STORAGE));
        out.add(hand("constraints families both", HEAD + "constraints: {families: {include: [g5], exclude: [g5]}}\n" + STORAGE));
        out.add(hand("constraints pricing", HEAD + "constraints: {pricing: [on-demand, reserved-1y]}\n" + STORAGE));
        out.add(hand("constraints pricing unknown", HEAD + "constraints: {pricing: [on-demand, cheap]}\n" + STORAGE));
        out.add(hand("constraints pricing empty", HEAD + "constraints: {pricing: []}\n" + STORAGE));
        out.add(hand("constraints pricing vs spot", HEAD + "constraints: {allow_spot: true, pricing: [on-demand]}\n" + STORAGE));
        out.add(hand("constraints pricing in version 1", "version: 1\nname: edge\nconstraints: {pricing: [on-demand]}\n" + STORAGE));
        out.add(hand("assumptions mfu", HEAD + "assumptions: {mfu: 0.4}\n" + STORAGE));
        out.add(hand("assumptions mfu percent", HEAD + "assumptions: {mfu: 40%}\n" + STORAGE));
        out.add(hand("assumptions mfu zero", HEAD + "assumptions: {mfu: 0}\n" + STORAGE));
        out.add(hand("assumptions mfu above one", HEAD + "assumptions: {mfu: 1.5}\n" + STORAGE));
        out.add(hand("assumptions headroom 100%", HEAD + "assumptions: {serving_headroom: 100%}\n" + STORAGE));
        out.add(hand("local", HEAD + "local: {accelerator: rtx-4090, hardware_cost: 2000 USD, power: 450 W, electricity: 0.3 USD/kWh}\n" + STORAGE));
        out.add(hand("local unknown accelerator", HEAD + "local: {accelerator: rtx-9090, hardware_cost: 2000 USD, power: 450 W, electricity: 0.3 USD/kWh}\n"
                + STORAGE));
        out.add(hand("local accelerator spelled loosely", HEAD + "local: {accelerator: RTX 4090, hardware_cost: 2000 USD, power: 450 W,"
                + " electricity: 0.3 USD/kWh}\n" + STORAGE));
        out.add(hand("local idle above power", HEAD + "local: {accelerator: rtx-4090, hardware_cost: 2000 USD, power: 450 W, idle_power: 500 W,"
                + " electricity: 0.3 USD/kWh}\n" + STORAGE));
        out.add(hand("local count zero", HEAD + "local: {accelerator: rtx-4090, count: 0, hardware_cost: 2000 USD, power: 450 W,"
                + " electricity: 0.3 USD/kWh}\n" + STORAGE));
        String inference = "inference:\n  model: {preset: bert-base}\n  traffic: {average: 5/s}\n";
        out.add(hand("inference", HEAD + inference));
        out.add(hand("inference preset uppercase", HEAD + inference.replace("bert-base", "BERT-Base")));
        out.add(hand("inference preset unknown", HEAD + inference.replace("bert-base", "bert-huge")));
        out.add(hand("inference no preset", HEAD + "inference:\n  model: {precision: fp16}\n  traffic: {average: 5/s}\n"));
        out.add(hand("inference tree", HEAD + "inference:\n  model: {architecture: tree}\n  traffic: {average: 5/s}\n"));
        out.add(hand("inference peak below average", HEAD + inference.replace("{average: 5/s}", "{average: 5/s, peak: 2/s}")));
        out.add(hand("inference traffic zero", HEAD + inference.replace("5/s", "0/s")));
        out.add(hand("inference traffic bare", HEAD + inference.replace("5/s", "5")));
        out.add(hand("inference pattern bad", HEAD + inference.replace("{average: 5/s}", "{average: 5/s, pattern: wavy}")));
        out.add(hand("inference hours 24", HEAD + inference + "  hours_per_day: 24\n"));
        out.add(hand("inference hours 25", HEAD + inference + "  hours_per_day: 25\n"));
        out.add(hand("inference hours 0", HEAD + inference + "  hours_per_day: 0\n"));
        out.add(hand("inference steps on bert", HEAD + inference + "  steps: 30\n"));
        out.add(hand("inference ttft without tokens_out", HEAD + inference + "  ttft_p99: 1s\n"));
        out.add(hand("inference latency zero", HEAD + inference + "  latency_p99: 0ms\n"));
        out.add(hand("inference latency", HEAD + inference + "  latency_p99: 200ms\n"));
        out.add(hand("inference tokens_in huge", HEAD + inference + "  tokens_in: 100000\n"));
        out.add(hand("inference as list", HEAD + "inference:\n  - name: a\n    model: {preset: bert-base}\n    traffic: {average: 5/s}\n"));
        out.add(hand("inference kv_heads above heads", HEAD + "inference:\n  model: {parameters: 1B, heads: 8, kv_heads: 16}\n"
                + "  traffic: {average: 5/s}\n  tokens_in: 100\n  tokens_out: 10\n"));
        out.add(hand("inference availability", HEAD + inference + "  availability: multi-az\n"));
        String training = "training:\n  model: {preset: resnet-50}\n  dataset: {size: 140 GB, samples: 1.28M}\n";
        out.add(hand("training", HEAD + training));
        out.add(hand("training no samples", HEAD + training.replace(", samples: 1.28M", "")));
        out.add(hand("training epochs 0", HEAD + training + "  epochs: 0\n"));
        out.add(hand("training epochs 0.5", HEAD + training + "  epochs: 0.5\n"));
        out.add(hand("training epochs quoted", HEAD + training + "  epochs: \"3\"\n"));
        out.add(hand("training epochs 10001", HEAD + training + "  epochs: 10001\n"));
        out.add(hand("training trials", HEAD + training + "  trials: 8\n  concurrency: 4\n"));
        out.add(hand("training concurrency above trials", HEAD + training + "  trials: 2\n  concurrency: 4\n"));
        out.add(hand("training trials in version 1", "version: 1\nname: edge\n" + training + "  trials: 8\n"));
        out.add(hand("training rounds on resnet", HEAD + training.replace("{preset: resnet-50}", "{preset: resnet-50, rounds: 10}")));
        out.add(hand("training tree", HEAD + "training:\n  model: {architecture: tree}\n  dataset: {size: 4 GB, rows: 10M}\n"));
        out.add(hand("training tree no rows", HEAD + "training:\n  model: {architecture: tree}\n  dataset: {size: 4 GB}\n"));
        out.add(hand("training deadline", HEAD + training + "  deadline: 12h\n"));
        out.add(hand("training deadline 13 months", HEAD + training + "  deadline: 13 months\n"));
        out.add(hand("training sequence beyond context", HEAD + "training:\n  model: {preset: llama-2-7b}\n  dataset: {size: 1 GB, tokens: 1B}\n"
                + "  sequence_length: 100000\n"));
        out.add(hand("training dataset location bad", HEAD + training.replace("samples: 1.28M", "samples: 1.28M, location: tape")));
        out.add(hand("batch", HEAD + "batch:\n  model: {preset: bert-base}\n  items: 10M\n"));
        out.add(hand("batch in version 1", "version: 1\nname: edge\nbatch:\n  model: {preset: bert-base}\n  items: 10M\n"));
        out.add(hand("batch items zero", HEAD + "batch:\n  model: {preset: bert-base}\n  items: 0\n"));
        out.add(hand("batch items quoted", HEAD + "batch:\n  model: {preset: bert-base}\n  items: \"10M\"\n"));
        out.add(hand("batch whisper without audio", HEAD + "batch:\n  model: {preset: whisper-large-v3}\n  items: 1000\n"));
        out.add(hand("batch tokens_out 0", HEAD + "batch:\n  model: {preset: bert-base}\n  items: 10M\n  tokens_out: 0\n"));
        out.add(hand("hex number", HEAD + "storage: {data: 1 GB, prefixes: 0x10}\n"));
        out.add(hand("octal number", HEAD + "storage: {data: 1 GB, prefixes: 0o10}\n"));
        out.add(hand("name on", "version: 2\nname: on\n" + STORAGE));
        out.add(hand("name quoted on", "version: 2\nname: \"on\"\n" + STORAGE));
        out.add(hand("interruptible off", HEAD + "batch:\n  model: {preset: bert-base}\n  items: 10M\n  interruptible: off\n"));
        out.add(hand("interruptible false", HEAD + "batch:\n  model: {preset: bert-base}\n  items: 10M\n  interruptible: false\n"));
        out.add(hand("unknown top key", HEAD + "colour: red\n" + STORAGE));
        out.add(hand("unknown nested key", HEAD + "storage: {data: 1 GB, colour: red}\n"));
        out.add(hand("top level a list", "- version: 2\n"));
        out.add(hand("top level a string", "hello\n"));
        return out;
    }

    /** The value mutations of the generated variants: wrong type, zero, negative, out of range, bad enum, quoted. */
    private static final List<String> VALUES = List.of("[1, 2]", "{a: 1}", "~", "0", "-1", "true", "bogus-value", "1e30", "100000000000",
            "\"%s\"", "%s%s", "0.5");

    /**
     * Seeded variants of every example workload: one value, key or version changed per variant (a
     * value replaced by a wrong type, zero, a negative, a huge number, a bad name, or the same value
     * quoted; a key misspelt; version 1 instead of 2; a line dropped).
     */
    static List<Case> generated() throws IOException {
        List<Case> out = new ArrayList<>();
        Random random = new Random(SEED);
        List<Path> files;
        try (var list = Files.list(Cli.REPO.resolve("workloads"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        Pattern leaf = Pattern.compile("^(\\s*(?:- )?)([a-z_0-9]+):[ ]+([^#\\s][^#]*?)\\s*(#.*)?$");
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String name = f.getFileName().toString();
            out.add(new Case("workload " + name, text));
            String[] lines = text.split("\n", -1);
            List<Integer> leaves = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (leaf.matcher(lines[i]).matches()) {
                    leaves.add(i);
                }
            }
            if (text.contains("version: 2")) {
                out.add(new Case("workload " + name + " as version 1", text.replaceFirst("version: 2", "version: 1")));
            }
            for (int v = 0; v < VARIANTS_PER_WORKLOAD; v++) {
                int at = leaves.get(random.nextInt(leaves.size()));
                Matcher m = leaf.matcher(lines[at]);
                if (!m.matches()) {
                    throw new IllegalStateException(lines[at]);
                }
                String[] copy = lines.clone();
                String label;
                int kind = random.nextInt(VALUES.size() + 2);
                if (kind == VALUES.size()) {
                    copy[at] = m.group(1) + m.group(2) + "_x: " + m.group(3);
                    label = "key " + m.group(2) + " misspelt";
                } else if (kind == VALUES.size() + 1) {
                    copy[at] = "";
                    label = "line " + m.group(2) + " dropped";
                } else {
                    String original = m.group(3);
                    String value = VALUES.get(kind).equals("%s%s") ? scaled(original) : String.format(VALUES.get(kind), original);
                    copy[at] = m.group(1) + m.group(2) + ": " + value;
                    label = m.group(2) + ": " + value;
                }
                out.add(new Case("workload " + name + " line " + (at + 1) + " " + label, String.join("\n", copy)));
            }
        }
        return out;
    }

    /** The value with its leading number times 1000 ("40 GB" → "40000 GB"); the value itself when it starts with none. */
    private static String scaled(String value) {
        Matcher m = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(.*)$").matcher(value);
        return m.matches() ? m.group(1) + "000" + m.group(2) : value;
    }

    /** validate refuses what recommend would refuse from the catalog: at its line and column, with a did-you-mean, exit 2. */
    @Test
    void validateChecksRegionsAndAcceleratorsAgainstTheCatalog() {
        Cli cli = new Cli(dir);
        cli.write("r.yaml", HEAD + "regions: [us-east-1, eu-west-9]\n" + STORAGE);
        Cli.Result region = cli.run("validate", "r.yaml");
        assertThat(region.code()).isEqualTo(2);
        assertThat(region.err()).contains("r.yaml:3:22: regions[1]: region 'eu-west-9' is not in the catalog (did you mean 'eu-west-");
        assertThat(cli.run("recommend", "r.yaml").code()).isEqualTo(2);
        cli.write("a.yaml", HEAD + "local: {accelerator: rtx-4900, hardware_cost: 2000 USD, power: 450 W, electricity: 0.3 USD/kWh}\n" + STORAGE);
        Cli.Result accelerator = cli.run("validate", "a.yaml");
        assertThat(accelerator.code()).isEqualTo(2);
        assertThat(accelerator.err()).contains("a.yaml:3:22: local.accelerator: accelerator 'rtx-4900' is not in the catalog (did you mean 'rtx-4090'?)");
        cli.write("ok.yaml", HEAD + "regions: [eu-west-1]\nlocal: {accelerator: RTX 4090, hardware_cost: 2000 USD, power: 450 W,"
                + " electricity: 0.3 USD/kWh}\n" + STORAGE);
        assertThat(cli.run("validate", "ok.yaml").code()).isZero();
        assertThat(cli.run("recommend", "ok.yaml").code()).isZero();
    }

    /** The published file is what {@code mlplan schema} prints (regenerate with -Dmlplan.golden.update=true). */
    @Test
    void thePublishedSchemaIsWhatMlplanSchemaPrints() throws IOException {
        Path file = Cli.REPO.resolve("schema/mlplan-workload.schema.json");
        if (Boolean.getBoolean("mlplan.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, published, StandardCharsets.UTF_8);
        }
        Cli.Result run = new Cli(dir).run("schema");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(published);
        try {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(published);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
