package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded prices equal the reference files for every (region, type, pricing) triple they
 * share, per the builder's precedence. Reads the CSVs independently of the builder. Skipped when
 * {@code ../shared/reference} is absent (it is not part of the repository).
 */
class ReferenceAgreementTest {
    private static final Path REF = Path.of("..", "shared", "reference");
    private static final Set<String> KARPENTER_REGIONS = Set.of("us-east-1", "us-gov-east-1", "us-gov-west-1");
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(Files.isDirectory(REF), "reference data " + REF.toAbsolutePath() + " not present");
        catalog = CatalogLoader.embedded();
    }

    private static List<Map<String, String>> csv(String relative) {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(REF.resolve(relative).toFile())) {
            return it.readAll();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double d(Map<String, String> row, String col) {
        return Double.parseDouble(row.get(col));
    }

    private static boolean known(String region, String type) {
        return catalog.instanceType(type).isPresent() && region.matches("[a-z]{2}(-gov)?-[a-z]+-\\d+");
    }

    /** Compares and returns the number of triples compared; collects mismatches. */
    private static int compare(String region, String type, PricingModel model, double expected, List<String> mismatches) {
        var p = catalog.price(region, type, model);
        if (p.isEmpty()) {
            mismatches.add(region + "/" + type + "/" + model.id() + " missing, reference " + expected);
        } else if (p.get().usdPerHour() != expected) {
            mismatches.add(region + "/" + type + "/" + model.id() + " = " + p.get().usdPerHour() + ", reference " + expected);
        }
        return 1;
    }

    @Test
    void onDemandFollowsKarpenterThenEc2InstancesInfoThenPriceWatcher() {
        List<String> mismatches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int karpenter = 0;
        int ei = 0;
        int pw = 0;
        int overridden = 0;
        for (var row : csv("karpenter-provider-aws/ondemand_prices.csv")) {
            String region = row.get("region");
            String type = row.get("instance_type");
            if (known(region, type) && d(row, "usd_per_hour") > 0) {
                karpenter += compare(region, type, PricingModel.ON_DEMAND, d(row, "usd_per_hour"), mismatches);
                seen.add(region + "|" + type);
            }
        }
        for (var row : csv("ec2instances-info-gpu/ondemand_prices.csv")) {
            String region = row.get("region");
            String type = row.get("instance_type");
            if (row.get("platform").equals("linux") && known(region, type) && d(row, "usd_per_hour") > 0) {
                if (seen.add(region + "|" + type)) {
                    ei += compare(region, type, PricingModel.ON_DEMAND, d(row, "usd_per_hour"), mismatches);
                } else {
                    overridden++;
                }
            }
        }
        for (var row : csv("aws-price-watcher/ec2_ondemand_linux_all_regions.csv")) {
            String region = row.get("region");
            String type = row.get("instance_type");
            if (known(region, type) && d(row, "usd_per_hour") > 0) {
                if (seen.add(region + "|" + type)) {
                    pw += compare(region, type, PricingModel.ON_DEMAND, d(row, "usd_per_hour"), mismatches);
                } else {
                    overridden++;
                }
            }
        }
        long onDemandRows = catalog.document().prices().stream().filter(p -> p.pricing() == PricingModel.ON_DEMAND).count();
        System.out.printf(Locale.ROOT, "on-demand compared: karpenter %d, ec2instances.info %d, aws-price-watcher %d"
                + " (%d lower-precedence rows shadowed); catalog has %d on-demand rows%n", karpenter, ei, pw, overridden, onDemandRows);
        assertThat(mismatches).isEmpty();
        assertThat(karpenter + ei + pw).isEqualTo(onDemandRows);
        assertThat(karpenter).isGreaterThan(2600);
        assertThat(KARPENTER_REGIONS).allMatch(r -> catalog.regions().contains(r));
    }

    @Test
    void reservedEqualsEc2InstancesInfo() {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (var row : csv("ec2instances-info-gpu/reserved_prices.csv")) {
            String region = row.get("region");
            String type = row.get("instance_type");
            if (row.get("platform").equals("linux") && known(region, type)) {
                PricingModel model = PricingModel.valueOf("RESERVED_" + row.get("term_years") + "Y_"
                        + (row.get("offering_class").equals("convertible") ? "CONVERTIBLE_" : "")
                        + row.get("purchase_option").toUpperCase(Locale.ROOT));
                compared += compare(region, type, model, d(row, "effective_usd_per_hour"), mismatches);
            }
        }
        long reservedRows = catalog.document().prices().stream().filter(p -> p.pricing().isReserved()).count();
        System.out.printf(Locale.ROOT, "reserved compared: %d; catalog has %d reserved rows%n", compared, reservedRows);
        assertThat(mismatches).isEmpty();
        assertThat(compared).isEqualTo(reservedRows).isGreaterThan(9000);
    }

    @Test
    void spotAverageEqualsEc2InstancesInfoAndAdvisorFollowsPrecedence() {
        List<String> mismatches = new ArrayList<>();
        int prices = 0;
        for (var row : csv("ec2instances-info-gpu/spot_prices.csv")) {
            String region = row.get("region");
            String type = row.get("instance_type");
            if (row.get("platform").equals("linux") && known(region, type) && !row.get("spot_avg_usd_per_hour").isEmpty()) {
                prices += compare(region, type, PricingModel.SPOT, d(row, "spot_avg_usd_per_hour"), mismatches);
                SpotInfo s = catalog.spot(region, type).orElseThrow();
                if (!s.avgUsdPerHour().equals(d(row, "spot_avg_usd_per_hour"))) {
                    mismatches.add("spot info avg " + region + "/" + type);
                }
                if (!row.get("spot_min_usd_per_hour").isEmpty() && !s.minUsdPerHour().equals(d(row, "spot_min_usd_per_hour"))) {
                    mismatches.add("spot info min " + region + "/" + type);
                }
            }
        }
        int advisor = 0;
        Set<String> newer = new HashSet<>();
        for (var row : csv("ec2instances-info-gpu/spot_advisor.csv")) {
            String region = row.get("region");
            String type = row.get("instance_type");
            if (row.get("platform").equals("linux") && known(region, type)) {
                newer.add(region + "|" + type);
                SpotInfo s = catalog.spot(region, type).orElseThrow();
                advisor++;
                if (!row.get("interruption_frequency").equals(s.interruptionBucket())
                        || s.savingsVsOnDemandPct() != Integer.parseInt(row.get("savings_vs_ondemand_pct"))) {
                    mismatches.add("advisor " + region + "/" + type);
                }
            }
        }
        int older = 0;
        for (var row : csv("spotinfo-spot-advisor/spot_advisor.csv")) {
            String region = row.get("region");
            String type = row.get("instance_type");
            if (row.get("os").equals("Linux") && known(region, type) && !newer.contains(region + "|" + type)) {
                SpotInfo s = catalog.spot(region, type).orElseThrow();
                older++;
                if (!row.get("interruption_frequency").equals(s.interruptionBucket())) {
                    mismatches.add("spotinfo advisor " + region + "/" + type);
                }
            }
        }
        System.out.printf(Locale.ROOT, "spot compared: %d average prices (ec2instances.info), %d advisor entries"
                + " (ec2instances.info), %d advisor entries (spotinfo fallback)%n", prices, advisor, older);
        assertThat(mismatches).isEmpty();
        assertThat(prices).isGreaterThan(800);
    }
}
