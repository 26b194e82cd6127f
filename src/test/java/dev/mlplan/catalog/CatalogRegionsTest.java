package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A catalog read from the binary reads each region's rows when first asked for it; its answers must
 * be those of a catalog made from the whole document, in any order of questions and from any thread.
 */
class CatalogRegionsTest {
    private static final CatalogDocument DOC = CatalogLoader.embedded().document();
    private static final Catalog EAGER = new Catalog(DOC);

    private static Catalog lazy(CatalogDocument doc) {
        return new Catalog(CatalogBinary.open(CatalogBinary.write(doc, -1), "test"));
    }

    @Test
    void aRegionAtATimeAnswersAsTheWholeDocument() {
        Catalog lazy = lazy(DOC);
        assertThat(lazy.regions()).isEqualTo(EAGER.regions()).hasSizeGreaterThan(30);
        for (InstanceType t : DOC.instanceTypes()) {
            assertThat(lazy.pricedRegions(t.name())).as(t.name()).isEqualTo(EAGER.pricedRegions(t.name()));
        }
        assertThat(lazy.pricedRegions("no-such.type")).isEmpty();
        for (Price p : DOC.prices()) {
            assertThat(lazy.price(p.region(), p.instanceType(), p.pricing())).isEqualTo(EAGER.price(p.region(), p.instanceType(), p.pricing()));
        }
        for (SpotInfo s : DOC.spot()) {
            assertThat(lazy.spot(s.region(), s.instanceType())).isEqualTo(EAGER.spot(s.region(), s.instanceType())).isPresent();
        }
        for (ServicePrice s : DOC.servicePrices()) {
            assertThat(lazy.servicePrice(s.id(), s.region())).isEqualTo(EAGER.servicePrice(s.id(), s.region())).isPresent();
        }
        assertThat(lazy.price("xx-nowhere-1", "p4d.24xlarge", PricingModel.ON_DEMAND)).isEmpty();
        assertThat(lazy.spot("xx-nowhere-1", "p4d.24xlarge")).isEmpty();
        assertThat(lazy.servicePrice("ebs.gp2.gb-month", "xx-nowhere-1")).isEmpty();
        for (InstanceType t : DOC.instanceTypes().subList(0, 50)) {
            assertThat(lazy.prices(t.name())).isEqualTo(EAGER.prices(t.name()));
        }
        assertThat(lazy.document()).isEqualTo(DOC);
    }

    /** Rows are read a region (and in it a type) at a time: a broken row troubles no other region's lookups. */
    @Test
    void aBrokenRowFailsOnlyTheLookupsOfItsRegion() {
        CatalogDocument small = TestCatalogs.small();
        byte[] bytes = CatalogBinary.write(small, -1);
        // the last region's block ends the file; its last four bytes are a string index: point it past the table
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, Integer.MAX_VALUE);
        // blocks come in the order regions first appear: prices, then spot, then service prices
        java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
        small.prices().forEach(p -> order.add(p.region()));
        small.spot().forEach(s -> order.add(s.region()));
        small.servicePrices().forEach(s -> order.add(s.region()));
        String last = new ArrayList<>(order).get(order.size() - 1);
        Catalog c = new Catalog(CatalogBinary.open(bytes, "cut"));
        List<String> others = new ArrayList<>(c.regions());
        others.remove(last);
        assertThat(others).isNotEmpty();
        for (String region : others) {
            for (Price p : small.prices()) {
                if (p.region().equals(region)) {
                    assertThat(c.price(region, p.instanceType(), p.pricing())).contains(p);
                }
            }
        }
        // the broken row is the last region's last one: asking for it (whichever kind of row it is) is a catalog error
        List<Runnable> lookups = new ArrayList<>();
        small.prices().stream().filter(p -> p.region().equals(last)).forEach(p -> lookups.add(() -> c.price(last, p.instanceType(), p.pricing())));
        small.spot().stream().filter(s -> s.region().equals(last)).forEach(s -> lookups.add(() -> c.spot(last, s.instanceType())));
        small.servicePrices().stream().filter(s -> s.region().equals(last)).forEach(s -> lookups.add(() -> c.servicePrice(s.id(), last)));
        int failed = 0;
        for (Runnable lookup : lookups) {
            try {
                lookup.run();
            } catch (CatalogException e) {
                assertThat(e).hasMessageContaining("cut is not a readable binary catalog");
                failed++;
            }
        }
        assertThat(failed).isPositive();
        assertThatThrownBy(c::document).isInstanceOf(CatalogException.class);
    }

    /**
     * Seeded damage to the binary (a byte changed, a number overwritten with a huge, negative or zero
     * value, the file cut): opening it, looking up every region's rows and reading the whole document
     * either work or fail with a catalog error, never another exception or an allocation the size of a
     * damaged count.
     */
    @Test
    void anyDamageIsACatalogErrorOnEveryPath() {
        CatalogDocument small = TestCatalogs.small();
        byte[] good = CatalogBinary.write(small, -1);
        java.util.Random random = new java.util.Random(4242);
        int failed = 0;
        for (int i = 0; i < 4_000; i++) {
            byte[] b = good.clone();
            switch (i % 4) {
                case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 1 -> ByteBuffer.wrap(b).putInt(random.nextInt(b.length - 3), new int[] {-1, Integer.MAX_VALUE, 0, 1 << 24}[random.nextInt(4)]);
                case 2 -> ByteBuffer.wrap(b).putInt(random.nextInt(b.length - 3), random.nextInt(100_000_000));
                default -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            try {
                Catalog c = new Catalog(CatalogBinary.open(b, "damaged"));
                for (Price p : small.prices()) {
                    c.price(p.region(), p.instanceType(), p.pricing());
                    c.spot(p.region(), p.instanceType());
                }
                for (ServicePrice s : small.servicePrices()) {
                    c.servicePrice(s.id(), s.region());
                }
                c.document();
            } catch (CatalogException e) {
                failed++;
            }
        }
        assertThat(failed).as("most damage is noticed").isGreaterThan(1_000);
    }

    @Test
    void threadsAskingAtOnceGetTheSameAnswers() throws Exception {
        Catalog lazy = lazy(DOC);
        List<Price> sample = new ArrayList<>();
        for (int i = 0; i < DOC.prices().size(); i += 7) {
            sample.add(DOC.prices().get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                tasks.add(() -> {
                    int found = 0;
                    for (int i = 0; i < sample.size(); i++) {
                        Price p = sample.get((i + offset * 997) % sample.size());
                        if (lazy.price(p.region(), p.instanceType(), p.pricing()).equals(EAGER.price(p.region(), p.instanceType(), p.pricing()))
                                && lazy.spot(p.region(), p.instanceType()).equals(EAGER.spot(p.region(), p.instanceType()))
                                && lazy.servicePrice("ebs.gp2.gb-month", p.region()).equals(EAGER.servicePrice("ebs.gp2.gb-month", p.region()))) {
                            found++;
                        }
                    }
                    return found;
                });
            }
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(sample.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rows in any order, and repeated rows (the later one wins), give the same answers read a type at a time. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void rowsInAnyOrderAndRepeatedRowsAnswerAlike(long seed) {
        CatalogDocument small = TestCatalogs.small();
        List<Price> prices = new ArrayList<>(small.prices());
        List<SpotInfo> spot = new ArrayList<>(small.spot());
        Price p = prices.get(prices.size() / 2);
        prices.add(new Price(p.region(), p.instanceType(), p.pricing(), p.usdPerHour() * 2, p.upfrontUsd(), p.source()));
        SpotInfo s = spot.get(0);
        spot.add(new SpotInfo(s.region(), s.instanceType(), 0.5, 0.25, "<5%", 90, s.priceSource(), s.interruptionSource()));
        java.util.Collections.shuffle(prices, new java.util.Random(seed));
        java.util.Collections.shuffle(spot, new java.util.Random(seed));
        CatalogDocument doc = new CatalogDocument(small.formatVersion(), small.id(), small.pricesAsOf(), small.description(), small.sources(),
                small.accelerators(), small.instanceTypes(), prices, spot, small.limits(), small.servicePrices(), small.ebsVolumeTypes());
        Catalog eager = new Catalog(doc);
        Catalog lazy = lazy(doc);
        for (Price row : prices) {
            assertThat(lazy.price(row.region(), row.instanceType(), row.pricing())).isEqualTo(eager.price(row.region(), row.instanceType(), row.pricing()));
        }
        for (SpotInfo row : spot) {
            assertThat(lazy.spot(row.region(), row.instanceType())).isEqualTo(eager.spot(row.region(), row.instanceType()));
        }
        // of the two rows for one key, the one later in the document
        Price laterPrice = null;
        for (Price row : prices) {
            if (row.region().equals(p.region()) && row.instanceType().equals(p.instanceType()) && row.pricing() == p.pricing()) {
                laterPrice = row;
            }
        }
        SpotInfo laterSpot = null;
        for (SpotInfo row : spot) {
            if (row.region().equals(s.region()) && row.instanceType().equals(s.instanceType())) {
                laterSpot = row;
            }
        }
        assertThat(lazy.price(p.region(), p.instanceType(), p.pricing())).contains(laterPrice);
        assertThat(lazy.spot(s.region(), s.instanceType())).contains(laterSpot);
        assertThat(lazy.document()).isEqualTo(doc);
    }

    /** Rows without a region (a hand-made document) are kept too: the binary is exact. */
    @Test
    void rowsWithoutARegionRoundTrip() {
        CatalogDocument small = TestCatalogs.small();
        List<ServicePrice> services = new ArrayList<>(small.servicePrices());
        ServicePrice s = services.get(0);
        services.add(new ServicePrice(s.id(), null, s.usd(), s.unit(), s.source()));
        CatalogDocument doc = new CatalogDocument(small.formatVersion(), small.id(), small.pricesAsOf(), small.description(), small.sources(),
                small.accelerators(), small.instanceTypes(), small.prices(), small.spot(), small.limits(), services, small.ebsVolumeTypes());
        assertThat(CatalogBinary.read(CatalogBinary.write(doc, -1), "t")).isEqualTo(doc);
        assertThat(lazy(doc).servicePrice(s.id(), s.region())).contains(s);
    }
}
