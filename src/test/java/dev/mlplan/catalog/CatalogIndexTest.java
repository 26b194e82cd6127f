package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog's index reads its rows in runs of equal type and region (the order the builder writes);
 * rows in any other order must give the same answers. Seeded shuffles of the embedded catalog's rows.
 */
class CatalogIndexTest {
    private static final CatalogDocument DOC = CatalogLoader.embedded().document();
    private static final Catalog SORTED = new Catalog(DOC);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void rowsInAnyOrderGiveTheSameIndex(long seed) {
        List<Price> prices = new ArrayList<>(DOC.prices());
        List<SpotInfo> spot = new ArrayList<>(DOC.spot());
        Collections.shuffle(prices, new Random(seed));
        Collections.shuffle(spot, new Random(seed));
        Catalog shuffled = new Catalog(new CatalogDocument(DOC.formatVersion(), DOC.id(), DOC.pricesAsOf(), DOC.description(), DOC.sources(),
                DOC.accelerators(), DOC.instanceTypes(), prices, spot, DOC.limits(), DOC.servicePrices(), DOC.ebsVolumeTypes()));

        assertThat(shuffled.regions()).isEqualTo(SORTED.regions());
        for (Price p : DOC.prices()) {
            assertThat(shuffled.price(p.region(), p.instanceType(), p.pricing())).contains(p);
            assertThat(SORTED.price(p.region(), p.instanceType(), p.pricing())).contains(p);
        }
        for (SpotInfo s : DOC.spot()) {
            assertThat(shuffled.spot(s.region(), s.instanceType())).contains(s);
            assertThat(SORTED.spot(s.region(), s.instanceType())).contains(s);
        }
        for (InstanceType t : DOC.instanceTypes()) {
            assertThat(shuffled.pricedRegions(t.name())).isEqualTo(SORTED.pricedRegions(t.name()));
            assertThat(new HashSet<>(shuffled.prices(t.name()))).isEqualTo(new HashSet<>(SORTED.prices(t.name())));
        }
    }
}
