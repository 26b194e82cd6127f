package dev.mlplan.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.InstanceType;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Tree and linear models: cores, scaling, memory and run time (docs/estimation.md, Classical models). */
class TabularEstimatorTest {
    private static final dev.mlplan.catalog.Catalog CATALOG = CatalogLoader.embedded();
    private final TabularEstimator estimator = new TabularEstimator();

    private static InstanceType type(String name) {
        return CATALOG.instanceType(name).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
            "c7i.8xlarge, 16", // x86 with SMT: 32 vCPUs = 16 cores
            "c7a.8xlarge, 32", // AMD 7th generation: a vCPU is a core
            "c7g.8xlarge, 32", // Graviton: a vCPU is a core
            "r5.4xlarge, 8"})
    void physicalCores(String name, int cores) {
        assertThat(TabularEstimator.physicalCores(type(name))).isEqualTo(cores);
    }

    @Test
    void coresScaleLinearlyToSixteenThenSubLinearly() {
        assertThat(TabularEstimator.effectiveCores(16)).isEqualTo(16);
        assertThat(TabularEstimator.effectiveCores(32)).isCloseTo(32 * 0.8, org.assertj.core.data.Offset.offset(1e-9));
        double previous = 0;
        for (int cores = 1; cores <= 384; cores++) {
            double eff = TabularEstimator.effectiveCores(cores);
            assertThat(eff).as("%d cores", cores).isGreaterThan(previous).isLessThanOrEqualTo(cores);
            previous = eff;
        }
    }

    static Stream<Object[]> randomTrees() {
        Random r = new Random(20261207L);
        return IntStream.range(0, 40).mapToObj(i -> new Object[] {1e5 + r.nextDouble() * 1e8, 1 + r.nextInt(1000), 1 + r.nextInt(3000), 1 + r.nextInt(12)});
    }

    @ParameterizedTest
    @MethodSource("randomTrees")
    void timeIsProportionalToTheWorkAndFallsWithNodesAndGpus(double rows, int features, int rounds, int depth) {
        var req = estimator.requirements(Workloads.trees(rows, features, rounds, depth));
        var tab = req.tabular().orElseThrow();
        assertThat(tab.work()).isEqualTo(rows * features * rounds * depth);
        var c7i = type("c7i.24xlarge");
        double one = estimator.onCpu(req, c7i, 1).hoursPerRun();
        assertThat(one * 3600).isCloseTo(tab.work() * EstimationDefaults.TREE_CORE_SECONDS_PER_VALUE / TabularEstimator.effectiveCores(48),
                org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(estimator.onCpu(req, c7i, 4).hoursPerRun()).isLessThan(one);
        assertThat(estimator.onCpu(req, c7i, 4).neededGiBPerAccelerator()).isCloseTo(tab.cpuHostBytes() / 4 / Fmt.GIB,
                org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(estimator.onGpu(req, TestAccelerators.A10G, 4, 1).hoursPerRun()).isLessThan(estimator.onGpu(req, TestAccelerators.A10G, 1, 1).hoursPerRun());
        assertThat(estimator.onGpu(req, TestAccelerators.H100, 1, 1).hoursPerRun()).isLessThan(estimator.onGpu(req, TestAccelerators.T4, 1, 1).hoursPerRun());
        assertThat(tab.cpuHostBytes()).isGreaterThan(tab.gpuHostBytes()).isGreaterThan(tab.gpuDeviceBytes());
    }

    @Test
    void aGpuHoldsTwoBytesPerValuePlusItsContext() {
        // 50M × 300 = 1.5e10 values × 2 B = 27.9 GiB: one A10G (21.2 GiB usable) is too small, two fit
        var req = estimator.requirements(Workloads.trees(50e6, 300, 1000, 8));
        assertThat(estimator.onGpu(req, TestAccelerators.A10G, 1, 1).fits()).isFalse();
        assertThat(estimator.onGpu(req, TestAccelerators.A10G, 2, 1).fits()).isTrue();
        assertThat(estimator.onGpu(req, TestAccelerators.A100_40, 1, 1).fits()).isTrue();
    }

    @Test
    void linearModelsRunOnOneCoreAndOnlyOnCpus() {
        var req = estimator.requirements(Workloads.linear(200e6, 100, 5));
        double seconds = estimator.onCpu(req, type("r7i.8xlarge"), 1).hoursPerRun() * 3600;
        assertThat(seconds).isCloseTo(200e6 * 100 * 5 * EstimationDefaults.LINEAR_CORE_SECONDS_PER_VALUE, org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(estimator.onCpu(req, type("r7i.16xlarge"), 1).hoursPerRun() * 3600).isEqualTo(seconds);
        assertThat(req.tabular().orElseThrow().cpuHostBytes()).isEqualTo(200e6 * 100 * 8);
        assertThatThrownBy(() -> estimator.onGpu(req, TestAccelerators.A10G, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
