package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every figure mlplan prints is finite and non-negative, or the input is refused with exit 2 naming
 * the key and its largest sensible value (issue 14: {@code tokens_in + tokens_out} overflowed an int
 * and gave negative FLOPs; {@code epochs: 1e300} printed NaN and Infinity).
 */
class LargestValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun recommend(String yaml, String... more) throws Exception {
        Files.writeString(dir.resolve("w.yaml"), yaml, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("recommend", "w.yaml"));
        args.addAll(List.of(more));
        return CliRun.run(Map.of(), dir, args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "inference.tokens_in  | 2147483647 | from 1 to 10,000,000",
        "inference.tokens_in  | 99999999999999999999 | from 1 to 10,000,000",
        "inference.tokens_out | 2147483647 | from 1 to 10,000,000",
        "training.epochs      | 1e300 | at most 10,000",
        "training.epochs      | 1e400 | at most 10,000",
        "training.runs_per_month | 1e9 | at most 100,000",
    })
    void aValueBeyondTheLargestSensibleOneIsRefusedWithTheKeyAndTheLimit(String key, String value, String limit) throws Exception {
        String yaml = key.startsWith("inference")
                ? """
                  version: 1
                  name: big
                  inference:
                    model: { preset: llama-2-7b }
                    traffic: { average: 1/s }
                    tokens_in: 100
                    tokens_out: 100
                  """
                : """
                  version: 1
                  name: big
                  training:
                    model: { preset: llama-2-7b }
                    dataset: { size: 1 GB, tokens: 1M }
                    epochs: 1
                    runs_per_month: 1
                  """;
        String field = key.substring(key.indexOf('.') + 1);
        yaml = yaml.replaceFirst(field + ": [0-9]+", field + ": " + value);
        CliRun r = recommend(yaml);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("mlplan: w.yaml:").contains(key).contains(limit).doesNotContain("Exception");
    }

    @Test
    void theLargestSensibleValuesStillGiveFiniteNonNegativeFigures() throws Exception {
        String yaml = """
                version: 1
                name: largest
                budget: { monthly: 10000000000 USD }
                local:
                  accelerator: rtx-4090
                  count: 1024
                  hardware_cost: 1000000000 USD
                  amortization: 1 months
                  power: 1000 kW
                  electricity: 100 USD/kWh
                  operations: 1000000000 USD/month
                training:
                  model: { parameters: 100T, architecture: transformer, layers: 10000, hidden: 1048576, heads: 65536, kv_heads: 65536 }
                  dataset: { size: 1000 PB, tokens: 1000T }
                  sequence_length: 10000000
                  epochs: 10000
                  runs_per_month: 100000
                  deadline: 12 months
                  checkpoint_every: 12 months
                inference:
                  model: { parameters: 100T, architecture: transformer, layers: 10000, hidden: 1048576, heads: 65536, kv_heads: 65536 }
                  traffic: { average: 10000000/s, peak: 10000000/s }
                  tokens_in: 10000000
                  tokens_out: 10000000
                  latency_p99: 24h
                storage:
                  data: 1000 PB
                  growth: 1000 PB/month
                  reads: 100000000/s
                  writes: 100000000/s
                  prefixes: 1000000
                  iops: 10M
                  throughput: 10 TB/s
                  shared_by: 100000
                  transfer: { cross_az: 1000 PB/month, cross_region: 1000 PB/month, internet: 1000 PB/month }
                """;
        CliRun json = recommend(yaml, "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isEqualTo(0);
        List<String> bad = new ArrayList<>();
        badNumbers(JSON.readTree(json.out()), "", bad);
        assertThat(bad).as("numbers that are not finite or are negative").isEmpty();

        CliRun table = recommend(yaml);
        assertThat(table.exitCode()).isEqualTo(0);
        assertThat(table.out()).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("∞").doesNotContainPattern("\\$-|\\(-[0-9]");
    }

    /** Paths of numbers in a plan document that are not finite or are below zero. */
    static void badNumbers(JsonNode node, String path, List<String> bad) {
        if (node.isNumber()) {
            double v = node.doubleValue();
            if (!Double.isFinite(v) || v < 0) {
                bad.add(path + " = " + node.asText());
            }
        } else if (node.isTextual() && (node.asText().equals("NaN") || node.asText().contains("Infinity"))) {
            bad.add(path + " = " + node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> badNumbers(e.getValue(), path + "." + e.getKey(), bad));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                badNumbers(node.get(i), path + "[" + i + "]", bad);
            }
        }
    }
}
