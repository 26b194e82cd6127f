package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.SpotInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one refresh got from AWS, before the merge: plain catalog records, no SDK type. The
 * merge ({@link CatalogMerger}) is a pure function of this and the previous catalog.
 *
 * @param instanceTypes specs from DescribeInstanceTypes (union over the regions)
 * @param prices on-demand, reserved and spot prices per (region, type, pricing)
 * @param spot spot average / minimum per (region, type); interruption fields are null (the Spot
 *     Advisor is not an API)
 * @param servicePrices Lambda, S3, EBS and SageMaker unit prices per (id, region)
 * @param zeroPricedSkusIgnored Price List items priced $0 (capacity blocks) that were ignored
 * @param malformedItemsSkipped Price List items or API records that could not be read and were skipped
 * @param implausibleSkipped figures that were read but failed a check ({@link FigureChecks}: not a
 *     positive finite number, 100× off the previous catalog, spot below 5% of on-demand …) and were skipped
 * @param warnings one line per skipped item or conflict (capped at {@value Builder#MAX_WARNINGS})
 */
public record FetchedCatalog(
        List<InstanceType> instanceTypes,
        List<Price> prices,
        List<SpotInfo> spot,
        List<ServicePrice> servicePrices,
        int zeroPricedSkusIgnored,
        int malformedItemsSkipped,
        int implausibleSkipped,
        List<String> warnings) {

    public FetchedCatalog {
        instanceTypes = List.copyOf(instanceTypes);
        prices = List.copyOf(prices);
        spot = List.copyOf(spot);
        servicePrices = List.copyOf(servicePrices);
        warnings = List.copyOf(warnings);
    }

    /** Without implausible figures counted (tests and callers that build one by hand). */
    public FetchedCatalog(List<InstanceType> instanceTypes, List<Price> prices, List<SpotInfo> spot,
            List<ServicePrice> servicePrices, int zeroPricedSkusIgnored, int malformedItemsSkipped, List<String> warnings) {
        this(instanceTypes, prices, spot, servicePrices, zeroPricedSkusIgnored, malformedItemsSkipped, 0, warnings);
    }

    public boolean isEmpty() {
        return instanceTypes.isEmpty() && prices.isEmpty() && spot.isEmpty() && servicePrices.isEmpty();
    }

    /** Collects figures as the fetchers read them; the first figure for a key wins. */
    static final class Builder {
        static final int MAX_WARNINGS = 50;

        private final Map<String, InstanceType> types = new LinkedHashMap<>();
        private final Map<String, Price> prices = new LinkedHashMap<>();
        private final Map<String, SpotInfo> spot = new LinkedHashMap<>();
        private final Map<String, ServicePrice> servicePrices = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private int zeroPriced;
        private int malformed;
        private int implausible;
        private int droppedWarnings;

        void instanceType(InstanceType t) {
            types.putIfAbsent(t.name(), t);
        }

        void price(Price p) {
            String key = p.region() + '|' + p.instanceType() + '|' + p.pricing().id();
            Price old = prices.putIfAbsent(key, p);
            if (old != null && old.usdPerHour() != p.usdPerHour()) {
                warn("two " + p.pricing().id() + " prices for " + p.instanceType() + " in " + p.region() + " ($"
                        + old.usdPerHour() + " and $" + p.usdPerHour() + "/h); kept the first");
            }
        }

        void spot(SpotInfo s) {
            spot.putIfAbsent(s.region() + '|' + s.instanceType(), s);
        }

        void servicePrice(ServicePrice s) {
            ServicePrice old = servicePrices.putIfAbsent(s.id() + '|' + s.region(), s);
            if (old != null && old.usd() != s.usd()) {
                warn("two prices for " + s.id() + " in " + s.region() + " ($" + old.usd() + " and $" + s.usd()
                        + " per " + s.unit() + "); kept the first");
            }
        }

        void zeroPriced() {
            zeroPriced++;
        }

        void malformed(String what) {
            malformed++;
            warn("skipped " + what);
        }

        void implausible(String what) {
            implausible++;
            warn("skipped " + what);
        }

        void warn(String line) {
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(line);
            } else {
                droppedWarnings++;
            }
        }

        FetchedCatalog build() {
            List<String> w = new ArrayList<>(warnings);
            if (droppedWarnings > 0) {
                w.add("… and " + droppedWarnings + " more warnings");
            }
            return new FetchedCatalog(List.copyOf(types.values()), List.copyOf(prices.values()),
                    List.copyOf(spot.values()), List.copyOf(servicePrices.values()), zeroPriced, malformed, implausible, w);
        }
    }
}
