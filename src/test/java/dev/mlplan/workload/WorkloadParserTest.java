package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mlplan.workload.Workload.Access;
import dev.mlplan.workload.Workload.Architecture;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Availability;
import dev.mlplan.workload.Workload.Budget;
import dev.mlplan.workload.Workload.Constraints;
import dev.mlplan.workload.Workload.Dataset;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.LocalMachine;
import dev.mlplan.workload.Workload.Method;
import dev.mlplan.workload.Workload.ModelSpec;
import dev.mlplan.workload.Workload.Pattern;
import dev.mlplan.workload.Workload.Precision;
import dev.mlplan.workload.Workload.Storage;
import dev.mlplan.workload.Workload.Traffic;
import dev.mlplan.workload.Workload.Training;
import dev.mlplan.workload.Workload.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadParserTest {
    static final Set<String> PRESETS = Set.of("llama-2-7b", "llama-2-13b", "llama-3-8b", "resnet-50", "bert-base");
    private static final double MONTH_SECONDS = 730 * 3600.0;

    private final WorkloadParser parser = new WorkloadParser(PRESETS);

    static String designExample() {
        try (InputStream in = WorkloadParserTest.class.getResourceAsStream("/workloads/design-example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModelSpec preset(String name, Precision precision) {
        return new ModelSpec(Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), precision);
    }

    @Test
    void designExampleParsesToTheExpectedRecords() {
        Workload expected = new Workload(
                "workload.yaml",
                1,
                "llama2-7b-finetune",
                "Weekly fine-tune of the support-chat model",
                List.of("us-east-1", "us-west-2"),
                Optional.of(new Budget(new Money(new BigDecimal("3000")), new Percent(0.8))),
                new Constraints(true, List.of("p4d", "p5", "trn1", "g5", "g6e"), List.of(), 4),
                Optional.of(new LocalMachine("rtx-4090", 1, new Money(new BigDecimal("4500")), new TimeSpan(36 * MONTH_SECONDS),
                        new Power(600), Optional.empty(), new EnergyPrice(0.15), new MoneyRate(50))),
                Optional.empty(),
                Optional.of(new Training(preset("llama-2-7b", Precision.BF16), Method.FULL,
                        new Dataset(new DataSize(40e9), Optional.of(2e9), Optional.empty(), "s3"),
                        Optional.of(4096), 3, 4, Optional.of(new TimeSpan(12 * 3600)), Optional.of(new TimeSpan(1800)), true)),
                Optional.of(new Inference(preset("llama-2-7b", Precision.FP16),
                        new Traffic(new Rate(20), new Rate(60), Pattern.STEADY), Optional.of(512), Optional.of(256),
                        Optional.empty(), Optional.empty(), Optional.of(new TimeSpan(3)), Availability.MULTI_AZ, 24)),
                Optional.of(new Storage(new DataSize(1.3e12), new DataRate(100e9 / MONTH_SECONDS), new Rate(10000), new Rate(100), 1,
                        Optional.of(20000.0), Optional.of(new DataRate(500e6)), 8, Access.FREQUENT,
                        new Transfer(new DataRate(1.3e12 / MONTH_SECONDS), new DataRate(0), new DataRate(50e9 / MONTH_SECONDS)))));

        Workload parsed = parser.parse("workload.yaml", designExample());

        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.storage().orElseThrow().growth().gbPerMonth()).isEqualTo(100.0);
        assertThat(parsed.local().orElseThrow().amortization().months()).isEqualTo(36.0);
    }

    @Test
    void trainingOnlyGetsDefaults() {
        Workload w = parser.parse("t.yaml", """
                version: 1
                name: tiny
                training:
                  model: { parameters: 1.3B, architecture: transformer }
                  dataset: { size: 10 GB, tokens: 1B }
                """);
        assertThat(w.description()).isEmpty();
        assertThat(w.regions()).containsExactly("us-east-1");
        assertThat(w.budget()).isEmpty();
        assertThat(w.constraints()).isEqualTo(Constraints.defaults());
        assertThat(w.constraints().maxNodes()).isEqualTo(Constraints.DEFAULT_MAX_NODES);
        assertThat(w.local()).isEmpty();
        assertThat(w.assumptions()).isEmpty();
        assertThat(w.inference()).isEmpty();
        assertThat(w.storage()).isEmpty();
        Training t = w.training().orElseThrow();
        assertThat(t.model()).isEqualTo(new ModelSpec(Optional.empty(), Optional.of(1.3e9), Optional.of(Architecture.TRANSFORMER),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Precision.BF16));
        assertThat(t.method()).isEqualTo(Method.FULL);
        assertThat(t.dataset()).isEqualTo(new Dataset(new DataSize(10e9), Optional.of(1e9), Optional.empty(), "s3"));
        assertThat(t.sequenceLength()).isEmpty();
        assertThat(t.epochs()).isEqualTo(1);
        assertThat(t.runsPerMonth()).isEqualTo(1);
        assertThat(t.deadline()).isEmpty();
        assertThat(t.checkpointEvery()).isEmpty();
        assertThat(t.interruptible()).isTrue();
    }

    @Test
    void inferenceOnlyGetsDefaults() {
        Workload w = parser.parse("i.yaml", """
                version: 1
                name: chat
                budget: { monthly: $500 }
                inference:
                  model: { preset: Llama-2-13B }
                  traffic: { average: 5/s }
                """);
        assertThat(w.budget()).contains(new Budget(new Money(new BigDecimal("500")), new Percent(0.8)));
        Inference i = w.inference().orElseThrow();
        assertThat(i.model()).isEqualTo(preset("llama-2-13b", Precision.FP16));
        assertThat(i.traffic()).isEqualTo(new Traffic(new Rate(5), new Rate(5), Pattern.STEADY));
        assertThat(i.availability()).isEqualTo(Availability.SINGLE);
        assertThat(i.hoursPerDay()).isEqualTo(24);
        assertThat(i.tokensIn()).isEmpty();
        assertThat(i.tokensOut()).isEmpty();
        assertThat(i.latencyP99()).isEmpty();
    }

    @Test
    void storageAndLocalAndAssumptionsGetDefaults() {
        Workload w = parser.parse("s.yaml", """
                version: 1
                name: archive
                regions: [any]
                constraints: { allow_spot: false, families: { exclude: [p3] } }
                local:
                  accelerator: rtx-4090
                  hardware_cost: 2000 USD
                  power: 1.2 kW
                  idle_power: 80 W
                  electricity: 0.30 USD/kWh
                assumptions:
                  mfu: 35%
                  mbu: 0.6
                  serving_headroom: 20%
                  spot_restart: 10 min
                storage:
                  data: 5 TiB
                  reads: 200
                """);
        assertThat(w.anyRegion()).isTrue();
        assertThat(w.constraints()).isEqualTo(new Constraints(false, List.of(), List.of("p3"), 16));
        assertThat(w.local()).contains(new LocalMachine("rtx-4090", 1, new Money(new BigDecimal("2000")),
                new TimeSpan(36 * MONTH_SECONDS), new Power(1200), Optional.of(new Power(80)), new EnergyPrice(0.3), new MoneyRate(0)));
        assertThat(w.assumptions()).contains(new Assumptions(Optional.of(0.35), Optional.of(0.6), Optional.empty(),
                Optional.of(new Percent(0.2)), Optional.of(new TimeSpan(600))));
        assertThat(w.storage()).contains(new Storage(new DataSize(5 * Math.pow(1024, 4)), new DataRate(0), new Rate(200), new Rate(0), 1,
                Optional.empty(), Optional.empty(), 1, Access.FREQUENT, Transfer.none()));
    }

    @Test
    void cnnWithSamplesAndFlopsPerSample() {
        Workload w = parser.parse("c.yaml", """
                version: 1
                name: resnet
                training:
                  model: { parameters: 25.6M, architecture: cnn, flops_per_sample: 4.1G, precision: fp32 }
                  method: lora
                  dataset: { size: 150 GB, samples: 1.28M, location: fsx }
                  epochs: 90
                """);
        Training t = w.training().orElseThrow();
        assertThat(t.model().flopsPerSample()).contains(4.1e9);
        assertThat(t.model().precision()).isEqualTo(Precision.FP32);
        assertThat(t.dataset().samples()).contains(1.28e6);
        assertThat(t.dataset().location()).isEqualTo("fsx");
        assertThat(t.method()).isEqualTo(Method.LORA);
    }

    @Test
    void treesWithRowsAndFeaturesDerivedFromTheSize() {
        Workload w = parser.parse("t.yaml", """
                version: 2
                name: fraud
                training:
                  model: { architecture: tree, rounds: 500 }
                  dataset: { size: 60 GB, rows: 50M }
                """);
        var tab = w.training().orElseThrow().tabular().orElseThrow();
        assertThat(tab.architecture()).isEqualTo(Architecture.TREE);
        assertThat(tab.rows()).isEqualTo(50e6);
        assertThat(tab.features()).as("60 GB ÷ (50M rows × 4 B)").isEqualTo(300);
        assertThat(tab.featuresGiven()).isFalse();
        assertThat(tab.rounds()).isEqualTo(500);
        assertThat(tab.depth()).isEqualTo(Workload.Tabular.DEFAULT_DEPTH);
        Workload linear = parser.parse("l.yaml", """
                version: 2
                name: ctr
                training:
                  model: { architecture: linear }
                  dataset: { size: 8 GB, rows: 10M, features: 100 }
                  epochs: 5
                """);
        assertThat(linear.training().orElseThrow().tabular().orElseThrow().features()).isEqualTo(100);
        assertThat(w.training().orElseThrow().model().parameters()).isEmpty();
    }

    @Test
    void aLeadingByteOrderMarkAndExplicitDocumentMarkersAreFine() {
        Workload w = parser.parse("b.yaml", "\uFEFF---\nversion: 1\nname: x\nstorage: { data: 1 GB }\n...\n");
        assertThat(w.name()).isEqualTo("x");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        deadline 0          | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  deadline: 0h | w.yaml:7:13: training.deadline: expected a duration greater than 0 such as "12h", found "0h"
        deadline size       | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  deadline: 12 GB | w.yaml:7:13: training.deadline: "12 GB" is a size; expected a duration such as "12h"
        deadline hrs        | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  deadline: 12 hrs | w.yaml:7:13: training.deadline: "12 hrs": unknown unit 'hrs' (did you mean 'h'?)
        unknown key epoch   | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  epoch: 3 | w.yaml:7:3: unknown key 'epoch' in training (did you mean 'epochs'?)
        unknown key list    | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  speed: 3 | w.yaml:7:3: unknown key 'speed' in training (expected one of: model, method, dataset, sequence_length, epochs, runs_per_month, deadline, checkpoint_every, interruptible, deadline_hard)
        epochs mapping      | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  epochs: {a: 1} | w.yaml:7:11: training.epochs: expected a number, found a mapping
        epochs list         | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  epochs: [3] | w.yaml:7:11: training.epochs: expected a number, found a list
        epochs empty        | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  epochs: | w.yaml:7:10: training.epochs: expected a number, found an empty value
        missing dataset     | training:\\n  model: {preset: llama-2-7b} | w.yaml:4:1: training: missing required key 'dataset'
        missing tokens      | training:\\n  model: {parameters: 7B}\\n  dataset: {size: 1 GB} | w.yaml:6:3: training.dataset: missing 'tokens' (a transformer model counts its data in tokens) (such as tokens: 2B, or give training.model.flops_per_sample and samples)
        cnn needs samples   | training:\\n  model: {parameters: 7M, architecture: cnn}\\n  dataset: {size: 1 GB, tokens: 1B} | w.yaml:6:3: training.dataset: missing 'samples' (a cnn model counts its data in samples) (such as samples: 1.28M)
        preset neither      | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB} | w.yaml:6:3: training.dataset: missing 'tokens' or 'samples' (tokens for transformers, such as 2B; samples for other models, such as 1.28M)
        no preset or params | training:\\n  model: {precision: bf16}\\n  dataset: {size: 1 GB, tokens: 1B} | w.yaml:5:3: training.model: give 'preset' or 'parameters' (such as preset: llama-2-7b, or parameters: 7B)
        unknown preset      | training:\\n  model: {preset: llama-2-7}\\n  dataset: {size: 1 GB, tokens: 1B} | w.yaml:5:19: training.model.preset: unknown model preset 'llama-2-7' (did you mean 'llama-2-7b'?)
        unknown precision   | training:\\n  model: {preset: llama-2-7b, precision: bf61}\\n  dataset: {size: 1 GB, tokens: 1B} | w.yaml:5:42: training.model.precision: unknown value "bf61" (did you mean 'bf16'?)
        unknown method      | training:\\n  model: {preset: llama-2-7b}\\n  method: ful\\n  dataset: {size: 1 GB, tokens: 1B} | w.yaml:6:11: training.method: unknown value "ful" (did you mean 'full'?)
        unknown location    | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B, location: gcs}\\n | w.yaml:6:47: training.dataset.location: unknown value "gcs" (expected one of: s3, efs, fsx, ebs, local)
        kv_heads above      | training:\\n  model: {parameters: 7B, heads: 8, kv_heads: 32}\\n  dataset: {size: 1 GB, tokens: 1B} | w.yaml:5:47: training.model.kv_heads (32) is above training.model.heads (8)
        layers fraction     | training:\\n  model: {parameters: 7B, layers: 3.5}\\n  dataset: {size: 1 GB, tokens: 1B} | w.yaml:5:35: training.model.layers: expected a whole number, found "3.5"
        peak below average  | inference:\\n  model: {preset: llama-2-7b}\\n  traffic: {average: 20/s, peak: 10/s} | w.yaml:6:34: inference: traffic.peak (10/s) is below traffic.average (20/s)
        hours_per_day 25    | inference:\\n  model: {preset: llama-2-7b}\\n  traffic: {average: 20/s}\\n  hours_per_day: 25 | w.yaml:7:18: inference.hours_per_day: expected a number greater than 0 and at most 24, found "25"
        availability        | inference:\\n  model: {preset: llama-2-7b}\\n  traffic: {average: 20/s}\\n  availability: multiaz | w.yaml:7:17: inference.availability: unknown value "multiaz" (did you mean 'multi-az'?)
        traffic pattern     | inference:\\n  model: {preset: llama-2-7b}\\n  traffic: {average: 20/s, pattern: Diurnal} | w.yaml:6:37: inference.traffic.pattern: unknown value "Diurnal" (did you mean 'diurnal'?)
        warn_at 0           | budget: {monthly: 100 USD, warn_at: 0%}\\nstorage: {data: 1 GB} | w.yaml:4:37: budget.warn_at: expected a percentage greater than 0% and at most 100% such as "80%", found "0%"
        warn_at 120         | budget: {monthly: 100 USD, warn_at: 120%}\\nstorage: {data: 1 GB} | w.yaml:4:37: budget.warn_at: expected a percentage greater than 0% and at most 100% such as "80%", found "120%"
        budget missing      | budget: {warn_at: 50%}\\nstorage: {data: 1 GB} | w.yaml:4:1: budget: missing required key 'monthly'
        max_nodes 0         | constraints: {max_nodes: 0}\\nstorage: {data: 1 GB} | w.yaml:4:26: constraints.max_nodes: expected a whole number from 1 to 1024, found "0"
        max_nodes 2000      | constraints: {max_nodes: 2000}\\nstorage: {data: 1 GB} | w.yaml:4:26: constraints.max_nodes: expected a whole number from 1 to 1024, found "2000"
        allow_spot yes      | constraints: {allow_spot: yes}\\nstorage: {data: 1 GB} | w.yaml:4:27: constraints.allow_spot: expected true or false, found "yes", which YAML 1.1 reads as true or false and YAML 1.2 as text (write true or false)
        family uppercase    | constraints: {families: {include: [P4D]}}\\nstorage: {data: 1 GB} | w.yaml:4:36: constraints.families.include[0]: "P4D" is not an instance family such as "p4d" or "g5" (did you mean 'p4d'?)
        family twice        | constraints: {families: {include: [g5, g5]}}\\nstorage: {data: 1 GB} | w.yaml:4:40: constraints.families.include[1]: family 'g5' is listed twice
        family both         | constraints: {families: {include: [g5], exclude: [g5]}}\\nstorage: {data: 1 GB} | w.yaml:4:51: constraints.families: 'g5' is both included and excluded
        local count 0       | local: {accelerator: rtx-4090, count: 0, hardware_cost: 1 USD, power: 1 W, electricity: 0.1 USD/kWh}\\nstorage: {data: 1 GB} | w.yaml:4:39: local.count: expected a whole number of at least 1, found "0"
        local accel blank   | local: {accelerator: ' ', hardware_cost: 1 USD, power: 1 W, electricity: 0.1 USD/kWh}\\nstorage: {data: 1 GB} | w.yaml:4:22: local.accelerator: must not be empty
        idle above power    | local: {accelerator: x, hardware_cost: 1 USD, power: 600 W, idle_power: 0.7 kW, electricity: 0.1 USD/kWh}\\nstorage: {data: 1 GB} | w.yaml:4:73: local: idle_power (0.7 kW) is above power (600 W)
        mfu above 1         | assumptions: {mfu: 1.5}\\nstorage: {data: 1 GB} | w.yaml:4:20: assumptions.mfu: expected a fraction greater than 0 and at most 1 such as "0.4", found "1.5"
        storage negative    | storage: {data: -5 GB} | w.yaml:4:17: storage.data: expected a size greater than 0 such as "200 GB", found "-5 GB"
        storage nan         | storage: {data: .nan} | w.yaml:4:17: storage.data: expected a size such as "200 GB", found ".nan"
        storage inf         | storage: {data: .inf GB} | w.yaml:4:17: storage.data: expected a size such as "200 GB", found ".inf GB"
        storage 1e400       | storage: {data: 1e400 GB} | w.yaml:4:17: storage.data: "1e400 GB" is too large
        reads bad unit      | storage: {data: 1 GB, reads: 5/hrs} | w.yaml:4:30: storage.reads: "5/hrs": unknown unit '/hrs' (did you mean '/h'?)
        growth is a size    | storage: {data: 1 GB, growth: 100 GB} | w.yaml:4:31: storage.growth: "100 GB" is a size; expected a data rate such as "100 GB/month"
        checkpoint no unit  | training:\\n  model: {preset: llama-2-7b}\\n  dataset: {size: 1 GB, tokens: 1B}\\n  checkpoint_every: 30 | w.yaml:7:21: training.checkpoint_every: "30" has no unit; expected a duration such as "30m"
        shared_by 0         | storage: {data: 1 GB, shared_by: 0} | w.yaml:4:34: storage.shared_by: expected a whole number of at least 1, found "0"
        transfer key        | storage: {data: 1 GB, transfer: {cross_zone: 1 GB/month}} | w.yaml:4:34: unknown key 'cross_zone' in storage.transfer (expected one of: cross_az, cross_region, internet)
        transfer scalar     | storage: {data: 1 GB, transfer: 5 GB/month} | w.yaml:4:33: storage.transfer: expected a mapping with keys such as 'cross_az' and 'cross_region', found "5 GB/month"
        no parts            | budget: {monthly: 1 USD} | w.yaml:1:1: a workload needs at least one of 'training', 'inference', 'batch' or 'storage'
        top unknown         | trainng: {}\\nstorage: {data: 1 GB} | w.yaml:4:1: unknown key 'trainng' at the top level (did you mean 'training'?)
        duplicate key       | storage: {data: 1 GB}\\nstorage: {data: 2 GB} | w.yaml:5:1: duplicate key 'storage' at the top level (first given at line 4)
        merge key           | storage:\\n  <<: {data: 1 GB} | w.yaml:5:3: merge keys ('<<') are not supported in storage (write the keys out)
        list key            | storage: {data: 1 GB}\\n[a]: 1 | w.yaml:5:1: keys must be plain names, found a list as a key at the top level
        region bad          | regions: [us-east-1, US-WEST-2]\\nstorage: {data: 1 GB} | w.yaml:4:22: regions[1]: "US-WEST-2" is not a region code such as "us-east-1" (did you mean 'us-west-2'?)
        region twice        | regions: [us-east-1, us-east-1]\\nstorage: {data: 1 GB} | w.yaml:4:22: regions[1]: region 'us-east-1' is listed twice
        region any mixed    | regions: [any, us-east-1]\\nstorage: {data: 1 GB} | w.yaml:4:11: regions[0]: 'any' must be the only region (write regions: [any])
        region empty        | regions: []\\nstorage: {data: 1 GB} | w.yaml:4:10: regions: expected at least one region (use [any] for every catalog region)
        region scalar       | regions: eu-west-1\\nstorage: {data: 1 GB} | w.yaml:4:10: regions: expected a list such as [us-east-1], found "eu-west-1" (write it as [eu-west-1])
        tree without rows   | training:\\n  model: {architecture: tree}\\n  dataset: {size: 1 GB} | w.yaml:6:3: training.dataset: missing 'rows' (a tree model counts its data in rows and features) (such as rows: 50M, features: 300)
        tree in inference   | inference:\\n  model: {architecture: tree}\\n  traffic: {average: 1/s} | w.yaml:5:25: inference.model.architecture: tree and linear models are planned for training only (use training.model.architecture: tree)
        gov region ok-ish   | regions: [us-gov-west-1, mars]\\nstorage: {data: 1 GB} | w.yaml:4:26: regions[1]: "mars" is not a region code such as "us-east-1"
        """)
    void errors(String name, String body, String message) {
        String yaml = "version: 1\nname: test\ndescription: error case\n" + body.replace("\\n", "\n") + "\n";
        assertThatThrownBy(() -> parser.parse("w.yaml", yaml))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(message);
    }

    /** Errors in keys schema version 2 added (a version-1 file is refused before their own checks run). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        rounds on llm       | training:\\n  model: {preset: llama-2-7b, rounds: 10}\\n  dataset: {size: 1 GB, tokens: 1B} | w.yaml:5:39: training.model.rounds applies to boosted trees only (set training.model.architecture: tree)
        depth 0             | training:\\n  model: {architecture: tree, depth: 0}\\n  dataset: {size: 1 GB, rows: 1M} | w.yaml:5:38: training.model.depth: expected a whole number of at least 1, found "0"
        rounds in version 1 | training:\\n  model: {architecture: tree, rounds: 10}\\n  dataset: {size: 1 GB, rows: 1M} | w.yaml:5:31: `training.model.rounds` needs `version: 2`; this file says version: 1 (write version: 2 at the top)
        """)
    void errorsInVersion2Keys(String name, String body, String message) {
        String yaml = (name.endsWith("version 1") ? "version: 1" : "version: 2") + "\nname: test\ndescription: error case\n" + body.replace("\\n", "\n") + "\n";
        assertThatThrownBy(() -> parser.parse("w.yaml", yaml))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        version 3        | version: 3\\nname: x\\nfuture: {}           | w.yaml:1:10: unsupported schema version 3; this mlplan reads versions 1 and 2
        version text     | version: one\\nname: x                      | w.yaml:1:10: version: expected a whole number, found "one"
        version missing  | name: x\\nstorage: {data: 1 GB}             | w.yaml:1:1: missing required key 'version'
        name missing     | version: 1\\nstorage: {data: 1 GB}          | w.yaml:1:1: missing required key 'name'
        name capitals    | version: 1\\nname: Llama2_7B\\nstorage: {data: 1 GB} | w.yaml:2:7: name: "Llama2_7B" may only contain lowercase letters, digits and '-' (did you mean 'llama2-7b'?)
        name empty       | version: 1\\nname: ''\\nstorage: {data: 1 GB}      | w.yaml:2:7: name: must not be empty
        name long        | version: 1\\nname: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\nstorage: {data: 1 GB} | w.yaml:2:7: name: is 64 characters long; at most 63 are allowed
        root list        | [version, name]                              | w.yaml:1:1: expected a mapping with keys such as 'version' and 'name' at the top level, found a list
        root scalar      | hello                                        | w.yaml:1:1: expected a mapping with keys such as 'version' and 'name' at the top level, found "hello"
        two documents    | version: 1\\nname: x\\n---\\nversion: 1      | w.yaml:4:1: a second YAML document starts here; a workload file holds one document (put each workload in its own file)
        tab indent       | version: 1\\nname: x\\nstorage:\\n\\tdata: 1 GB | w.yaml:4:1: tab character; YAML indents with spaces (replace the tab with spaces)
        unclosed flow    | version: 1\\nname: [x                        | w.yaml:2:9: invalid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence that starts at line 2, column 7)
        control char     | version: 1\\nname: a\u0007b                  | w.yaml:2:8: character U+0007 is not allowed in YAML (remove it; a workload is a plain text file)
        empty            | ''                                           | w.yaml: file is empty: expected a workload with at least 'version' and 'name'
        only comment     | # nothing here\\n                            | w.yaml: file is empty: expected a workload with at least 'version' and 'name'
        only marker      | ---\\n                                       | w.yaml: file is empty: expected a workload with at least 'version' and 'name'
        """)
    void documentErrors(String name, String body, String message) {
        String yaml = body.equals("''") ? "" : body.replace("\\n", "\n").replace("\\t", "\t").replace("\\u0007", "\u0007");
        assertThatThrownBy(() -> parser.parse("w.yaml", yaml))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(message);
    }

    @Test
    void exceptionCarriesItsParts() {
        assertThatThrownBy(() -> parser.parse("w.yaml", "version: 1\nname: x\ntrainng: {}\n"))
                .isInstanceOfSatisfying(WorkloadException.class, e -> {
                    assertThat(e.file()).isEqualTo("w.yaml");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.problem()).isEqualTo("unknown key 'trainng' at the top level");
                    assertThat(e.hint()).contains("did you mean 'training'?");
                });
    }

    @Test
    void presetsAreMatchedIgnoringCaseAndWithoutPresetsTheHintSaysSo() {
        String yaml = "version: 1\nname: x\ninference: {model: {preset: LLAMA-3-8B}, traffic: {average: 1/s}}\n";
        assertThat(parser.parse("w.yaml", yaml).inference().orElseThrow().model().preset()).contains("llama-3-8b");
        assertThatThrownBy(() -> new WorkloadParser(Set.of()).parse("w.yaml", yaml))
                .hasMessage("w.yaml:3:29: inference.model.preset: unknown model preset 'LLAMA-3-8B' "
                        + "(no presets are available; give 'parameters' instead)");
    }

    @Test
    void stepsAndResolutionOnlyForDiffusionPresets() {
        var diffusion = new WorkloadParser(Set.of("bert-base", "stable-diffusion-1.5"), Set.of("stable-diffusion-1.5"));
        String sd = "version: 1\nname: x\ninference: {model: {preset: stable-diffusion-1.5}, traffic: {average: 1/s}, steps: 30, resolution: 768}\n";
        var inference = diffusion.parse("w.yaml", sd).inference().orElseThrow();
        assertThat(inference.steps()).contains(30);
        assertThat(inference.resolution()).contains(768);
        String bert = "version: 1\nname: x\ninference: {model: {preset: bert-base}, traffic: {average: 1/s}, steps: 30}\n";
        assertThatThrownBy(() -> diffusion.parse("w.yaml", bert))
                .hasMessageContaining("inference.steps applies only to diffusion presets; model preset 'bert-base' is not a diffusion model")
                .hasMessageContaining("stable-diffusion-1.5");
        String tooMany = "version: 1\nname: x\ninference: {model: {preset: stable-diffusion-1.5}, traffic: {average: 1/s}, steps: 5000}\n";
        assertThatThrownBy(() -> diffusion.parse("w.yaml", tooMany)).hasMessageContaining("inference.steps");
    }

    @Test
    void fileIsReadAndNamedAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, designExample());
        assertThat(parser.parse(file).file()).isEqualTo(file.toString());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(WorkloadException.class).hasMessage(file + ": file not found");
    }

    @Test
    void directory(@TempDir Path dir) {
        assertThatThrownBy(() -> parser.parse(dir))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(dir + ": is a directory, not a workload file");
    }

    @Test
    void unreadableFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secret.yaml");
        Files.writeString(file, designExample());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(file)).as("running as a user who can read anything (root)").isFalse();
        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ": cannot read the file: permission denied");
    }

    @Test
    void readFailureIsAWorkloadException() {
        Path file = Path.of("/proc/self/mem");
        assumeThat(Files.isRegularFile(file)).as("Linux /proc").isTrue();
        assertThatThrownBy(() -> parser.parse(file))
                .isExactlyInstanceOf(WorkloadException.class)
                .hasMessageStartingWith(file + ": cannot read the file: ");
    }

    @Test
    void fileOverOneMegabyteIsRejectedBeforeParsing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "version: 1\nname: big\ndescription: " + "x".repeat(WorkloadParser.MAX_BYTES) + "\n");
        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(WorkloadException.class)
                .hasMessageStartingWith(file + ": file is too large (");
        assertThatThrownBy(() -> parser.parse("big.yaml", "#" + "x".repeat(WorkloadParser.MAX_BYTES)))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("big.yaml: file is too large (1000001 bytes; the limit is 1000000 bytes); a workload file is a few kilobytes");
    }

    @Test
    void latin1BytesNameTheOffsetAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "version: 1\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ":2:10: not valid UTF-8: byte 0xE9 at offset 20 (save the file as UTF-8)");
    }

    @Test
    void binaryFileIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.bin");
        Files.write(file, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ":1:8: file looks binary: NUL byte at offset 7 (a workload is a UTF-8 text file)");
    }

    @Test
    void utf16IsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("utf16.yaml");
        Files.write(file, "version: 1\n".getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ": file is UTF-16 encoded; save it as UTF-8");
    }
}
