package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.constraint.Service;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadParser;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the planner over seeded random workloads: spot never dearer per hour than
 * on-demand, cost non-decreasing in use, ranked options never breaking a hard rule, and another
 * region never making the best plan dearer.
 */
class PlannerPropertiesTest {
    private static final Catalog CATALOG = CatalogLoader.embedded();
    private static final Planner PLANNER = new Planner(CATALOG, ConstraintEngine.standard(), PlanOptions.defaults("test").withTop(50),
            LocalDate.of(2026, 11, 21));
    private static final WorkloadParser PARSER = ModelPresets.workloadParser();

    record Params(long seed, String yaml, String kind) {
        @Override
        public String toString() {
            return kind + " #" + seed;
        }
    }

    static Stream<Params> workloads() {
        return IntStream.range(0, 24).mapToObj(i -> {
            Random r = new Random(1_000 + i);
            return i % 2 == 0 ? new Params(i, training(r), "training") : new Params(i, inference(r), "inference");
        });
    }

    private static <T> T pick(Random r, List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    static String training(Random r) {
        String preset = pick(r, List.of("gpt2-small", "llama-3.2-1b", "llama-2-7b", "mistral-7b", "bert-base", "resnet-50"));
        String data = preset.equals("resnet-50") ? "samples: " + (100 + r.nextInt(1200)) + "k" : "tokens: " + (1 + r.nextInt(40)) * 100 + "M";
        return String.format(Locale.ROOT, """
                constraints: { allow_spot: %s, max_nodes: %d }
                training:
                  model: { preset: %s }
                  method: %s
                  dataset: { size: %d GB, %s }
                  epochs: %d
                  runs_per_month: %d
                  %s
                  checkpoint_every: 30m
                  interruptible: %s
                """, r.nextBoolean(), 1 + r.nextInt(8), preset, pick(r, List.of("full", "lora")), 1 + r.nextInt(100), data, 1 + r.nextInt(3),
                1 + r.nextInt(8), r.nextBoolean() ? "deadline: " + (2 + r.nextInt(48)) + "h" : "", r.nextBoolean());
    }

    static String inference(Random r) {
        String preset = pick(r, List.of("bert-base", "distilbert", "llama-3.1-8b", "mistral-7b", "resnet-50"));
        boolean llm = preset.startsWith("llama") || preset.startsWith("mistral");
        double avg = Math.pow(10, -2 + 3.5 * r.nextDouble());
        return String.format(Locale.ROOT, """
                inference:
                  model: { preset: %s }
                  traffic: { average: %.4f/s, peak: %.4f/s, pattern: %s }
                  tokens_in: %d
                  %s
                  %s
                  availability: %s
                """, preset, avg, avg * (1 + 2 * r.nextDouble()), pick(r, List.of("steady", "diurnal", "sporadic")),
                // at most 512: BERT's and DistilBERT's context (a longer request is an input error)
                Math.min(512, 64 + r.nextInt(512)),
                llm ? "tokens_out: " + (16 + r.nextInt(256)) : "", r.nextBoolean() ? "latency_p99: " + (llm ? 5 + r.nextInt(30) + "s" : 50 + r.nextInt(2000) + "ms") : "",
                pick(r, List.of("single", "multi-az")));
    }

    private static Workload parse(String regions, String body) {
        return PARSER.parse("prop.yaml", "version: 1\nname: prop\nregions: " + regions + "\n" + body);
    }

    private static PartPlan part(Workload w) {
        return PLANNER.plan(w).parts().get(0);
    }

    private static Double best(Workload w) {
        PartPlan p = part(w);
        return p.options().isEmpty() ? null : p.options().get(0).monthlyUsd();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void rankedOptionsNeverBreakAHardRule(Params params) {
        Workload w = parse("[us-east-1]", params.yaml());
        for (Option o : part(w).options()) {
            assertThat(o.count()).as(o.id()).isLessThanOrEqualTo(Math.max(w.constraints().maxNodes(), 1));
            if (o.pricing() == PricingModel.SPOT) {
                assertThat(w.constraints().allowSpot()).as("spot offered though allow_spot is false: %s", o.id()).isTrue();
                w.training().ifPresent(t -> assertThat(t.interruptible()).as("spot for a non-interruptible run: %s", o.id()).isTrue());
            }
            w.training().flatMap(t -> t.deadline()).ifPresent(d -> {
                if (o.service() != Service.LOCAL) {
                    assertThat(o.hoursPerRun()).as("%s misses the deadline", o.id()).isLessThanOrEqualTo(d.hours() + 0.005);
                }
            });
            w.inference().flatMap(i -> i.latencyP99()).ifPresent(l ->
                    assertThat(o.latencyMsP99()).as("%s misses the latency target", o.id()).isLessThanOrEqualTo(l.millis() + 0.005));
            assertThat(o.monthlyUsd()).as(o.id()).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void spotIsNeverDearerPerHourThanOnDemand(Params params) {
        Workload w = parse("[us-east-1, us-west-2]", params.yaml().replace("allow_spot: false", "allow_spot: true")
                .replace("interruptible: false", "interruptible: true"));
        for (Option o : part(w).options()) {
            if (o.pricing() != PricingModel.SPOT || o.service() != Service.EC2) {
                continue;
            }
            double spotRate = o.costs().stream().mapToDouble(CostComponent::unitPriceUsd).max().orElseThrow();
            CATALOG.price(o.region(), o.instanceType(), dev.mlplan.catalog.PricingModel.ON_DEMAND).ifPresent(od ->
                    assertThat(spotRate).as(o.id()).isLessThanOrEqualTo(od.usdPerHour()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void moreUseNeverCostsLess(Params params) {
        Workload base = parse("[us-east-1]", params.yaml());
        String more = params.kind().equals("training")
                ? params.yaml().replaceFirst("runs_per_month: (\\d+)", "runs_per_month: 1$1")
                : params.yaml().replaceFirst("average: ([0-9.]+)/s, peak: ([0-9.]+)/s", "average: $1/s, peak: $2/s, pattern: steady").replaceFirst(
                        ", pattern: (steady|diurnal|sporadic) }", " }");
        Workload bigger = parse("[us-east-1]", more);
        Double a = best(base);
        Double b = best(bigger);
        if (a != null && b != null && params.kind().equals("training")) {
            assertThat(b).as("more runs a month").isGreaterThanOrEqualTo(a - 1e-9);
        }
        // doubling every request rate never lowers the best monthly cost
        if (params.kind().equals("inference")) {
            Workload doubled = parse("[us-east-1]", doubleTraffic(params.yaml()));
            Double c = best(doubled);
            if (a != null && c != null) {
                assertThat(c).as("doubled traffic").isGreaterThanOrEqualTo(a - 1e-9);
            }
        }
    }

    private static String doubleTraffic(String yaml) {
        var m = java.util.regex.Pattern.compile("average: ([0-9.]+)/s, peak: ([0-9.]+)/s").matcher(yaml);
        if (!m.find()) {
            return yaml;
        }
        return m.replaceFirst(String.format(Locale.ROOT, "average: %.4f/s, peak: %.4f/s", 2 * Double.parseDouble(m.group(1)),
                2 * Double.parseDouble(m.group(2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void anotherRegionNeverMakesTheBestPlanDearer(Params params) {
        Double one = best(parse("[us-east-1]", params.yaml()));
        Double two = best(parse("[us-east-1, eu-west-1]", params.yaml()));
        if (one != null) {
            assertThat(two).isNotNull();
            assertThat(two).isLessThanOrEqualTo(one + 1e-9);
        }
    }
}
