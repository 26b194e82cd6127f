package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogValidatorTest {
    private final CatalogDocument valid = TestCatalogs.small();

    @Test
    void smallCatalogIsValid() {
        assertThat(CatalogValidator.problems(valid)).isEmpty();
    }

    @Test
    void duplicatePriceIsRejected() {
        CatalogDocument d = TestCatalogs.withPrices(valid, ps -> {
            List<Price> l = new ArrayList<>(ps);
            l.add(ps.get(0));
            return l;
        });
        Price p = valid.prices().get(0);
        assertThat(CatalogValidator.problems(d)).singleElement().asString()
                .contains("1 duplicate (region, type, pricing) prices")
                .contains(p.region() + "/" + p.instanceType() + "/" + p.pricing().id());
    }

    @Test
    void priceForUnknownTypeAndSourceIsRejected() {
        CatalogDocument d = TestCatalogs.withPrices(valid, ps -> {
            List<Price> l = new ArrayList<>(ps);
            l.add(new Price("us-east-1", "z9.huge", PricingModel.ON_DEMAND, 1.0, 0, "nowhere"));
            return l;
        });
        assertThat(CatalogValidator.problems(d))
                .anySatisfy(s -> assertThat(s).contains("prices for an unknown instance type").contains("z9.huge"))
                .anySatisfy(s -> assertThat(s).contains("references to unknown source ids").contains("nowhere"));
    }

    @Test
    void nanPriceIsRejected() {
        CatalogDocument d = TestCatalogs.withPrices(valid, ps -> ps.stream()
                .map(p -> new Price(p.region(), p.instanceType(), p.pricing(), Double.NaN, 0, p.source()))
                .toList());
        assertThat(CatalogValidator.problems(d)).singleElement().asString()
                .startsWith(valid.prices().size() + " prices <= 0 or not a number")
                .endsWith(", …");
    }

    @Test
    void missingRequiredLimitAndServicePriceAreReported() {
        CatalogDocument d = TestCatalogs.withLimits(valid, ls -> ls.stream().filter(l -> !l.id().equals("lambda.timeout")).toList());
        d = TestCatalogs.withServicePrices(d, ss -> ss.stream().filter(s -> !s.id().equals("ebs.gp3.gb-month")).toList());
        assertThat(CatalogValidator.problems(d))
                .anySatisfy(s -> assertThat(s).isEqualTo("1 required limits missing, e.g. lambda.timeout"))
                .anySatisfy(s -> assertThat(s).isEqualTo("1 required us-east-1 service prices missing, e.g. ebs.gp3.gb-month"));
    }

    @Test
    void emptyIdIsRejectedWithAClearMessage() {
        CatalogDocument d = new CatalogDocument(1, " ", valid.pricesAsOf(), valid.description(), valid.sources(),
                valid.accelerators(), valid.instanceTypes(), valid.prices(), valid.spot(), valid.limits(),
                valid.servicePrices(), valid.ebsVolumeTypes());
        assertThatThrownBy(() -> CatalogValidator.validate(d, "test.json"))
                .isInstanceOf(CatalogException.class)
                .hasMessage("catalog test.json is inconsistent: 1 id, e.g. no catalog id");
    }
}
