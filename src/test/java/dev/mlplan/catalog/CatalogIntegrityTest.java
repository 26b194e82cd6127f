package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, catalog integrity, checked in every build: the embedded catalog passes the validator, no
 * price is zero, negative or infinite, every accelerator has complete specs and every instance type
 * with accelerators names one that has; and the validator rejects each of those faults in a copy.
 */
class CatalogIntegrityTest {
    private final CatalogDocument embedded = CatalogLoader.embedded().document();

    @Test
    void theEmbeddedCatalogHasNoProblem() {
        assertThat(CatalogValidator.problems(embedded)).isEmpty();
    }

    @Test
    void noPurchasablePriceIsZeroNegativeOrInfinite() {
        assertThat(embedded.prices()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.usdPerHour()).as("%s", p).isPositive().isFinite();
            assertThat(p.upfrontUsd()).as("%s", p).isNotNegative().isFinite();
        });
        assertThat(embedded.servicePrices()).allSatisfy(s -> assertThat(s.usd()).as("%s", s).isPositive().isFinite());
        assertThat(embedded.spot()).allSatisfy(s -> {
            if (s.avgUsdPerHour() != null) {
                assertThat(s.avgUsdPerHour()).as("%s", s).isPositive().isFinite();
            }
        });
    }

    @Test
    void everyAcceleratorTypeHasSpecs() {
        Map<String, Accelerator> byName = embedded.accelerators().stream().collect(Collectors.toMap(Accelerator::name, Function.identity()));
        assertThat(embedded.accelerators()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(a -> {
            assertThat(a.kind()).as(a.name()).isIn(CatalogValidator.ACCELERATOR_KINDS);
            assertThat(a.memoryGiB()).as(a.name()).isPositive();
            assertThat(a.bandwidthGBs()).as(a.name()).isPositive();
            assertThat(a.bf16Tflops()).as(a.name()).isPositive();
            assertThat(a.defaultMfu()).as(a.name()).isStrictlyBetween(0.0, 1.0);
            assertThat(a.defaultMbu()).as(a.name()).isStrictlyBetween(0.0, 1.0);
            assertThat(a.source()).as(a.name()).isNotBlank();
        });
        List<InstanceType> accelerated = embedded.instanceTypes().stream().filter(t -> t.accelerators() != null).toList();
        assertThat(accelerated).hasSizeGreaterThanOrEqualTo(80).allSatisfy(t -> {
            assertThat(byName).as(t.name()).containsKey(t.accelerators().name());
            assertThat(t.accelerators().count()).as(t.name()).isPositive();
            assertThat(t.accelerators().memoryGiB()).as(t.name()).isPositive();
        });
    }

    private CatalogDocument withAccelerators(CatalogDocument d, Function<List<Accelerator>, List<Accelerator>> f) {
        return new CatalogDocument(d.formatVersion(), d.id(), d.pricesAsOf(), d.description(), d.sources(), f.apply(d.accelerators()),
                d.instanceTypes(), d.prices(), d.spot(), d.limits(), d.servicePrices(), d.ebsVolumeTypes());
    }

    private static Accelerator with(Accelerator a, double memory, double mfu) {
        return new Accelerator(a.name(), a.kind(), memory, a.bandwidthGBs(), a.fp32Tflops(), a.bf16Tflops(), a.fp8Tflops(), a.int8Tops(),
                mfu, a.defaultMbu(), a.tdpWatts(), a.source());
    }

    @Test
    void theValidatorRejectsAnAcceleratorWithoutSpecs() {
        CatalogDocument small = TestCatalogs.small();
        for (double[] bad : new double[][] {{0, 0.4}, {-8, 0.4}, {Double.POSITIVE_INFINITY, 0.4}, {80, 0}, {80, 1.5}}) {
            CatalogDocument d = withAccelerators(small, as -> {
                List<Accelerator> l = new ArrayList<>(as);
                l.replaceAll(a -> a.name().equals("A100-40GB") ? with(a, bad[0], bad[1]) : a);
                return l;
            });
            assertThat(CatalogValidator.problems(d)).as("memory %s, mfu %s", bad[0], bad[1]).singleElement().asString()
                    .startsWith("1 accelerators without complete specs").contains("A100-40GB");
        }
    }

    @Test
    void theValidatorRejectsAnInstanceTypeWhoseAcceleratorHasNoSpecs() {
        CatalogDocument d = withAccelerators(TestCatalogs.small(), as -> as.stream().filter(a -> !a.name().equals("A10G")).toList());
        assertThat(CatalogValidator.problems(d)).singleElement().asString()
                .contains("instance types whose accelerator has no specs in 'accelerators'").contains("g5.xlarge (A10G)");
        CatalogDocument zero = TestCatalogs.withTypes(TestCatalogs.small(), ts -> ts.stream().map(t -> t.accelerators() == null ? t
                : new InstanceType(t.name(), t.family(), t.arch(), t.vcpus(), t.memoryGiB(),
                        new InstanceType.Accelerators(t.accelerators().name(), 0, 0), t.ebs(), t.networkGbps(), t.efaInterfaces(),
                        t.currentGeneration(), t.source())).toList());
        assertThat(CatalogValidator.problems(zero)).singleElement().asString().contains("instance types with accelerators but no count or memory");
    }

    @Test
    void theValidatorRejectsZeroNegativeAndInfinitePrices() {
        for (double usd : new double[] {0, -1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            CatalogDocument d = TestCatalogs.withPrices(TestCatalogs.small(), ps -> {
                List<Price> l = new ArrayList<>(ps);
                Price p = l.get(0);
                l.set(0, new Price(p.region(), p.instanceType(), p.pricing(), usd, p.upfrontUsd(), p.source()));
                return l;
            });
            assertThat(CatalogValidator.problems(d)).as("usd %s", usd).singleElement().asString().contains("prices <= 0 or not a number");
        }
    }
}
