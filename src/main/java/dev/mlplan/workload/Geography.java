package dev.mlplan.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which geography each AWS region is in, for {@code constraints.residency} (issue 20 item 6): the one
 * place that maps region codes to the names a residency rule may use.
 *
 * <p>Source: AWS's list of Regions with their names and geographies, "Regions and Availability Zones"
 * (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html, read 2026-12): the
 * region code's first part names its geography (eu Europe, us United States, ap Asia Pacific, ca Canada,
 * sa South America, me Middle East, af Africa, il Israel, mx Mexico, cn China). {@code eu} here means the
 * European Union's member states only: AWS's "Europe" geography also holds London (eu-west-2, United
 * Kingdom) and Zurich (eu-central-2, Switzerland), which are outside the EU; {@code europe} includes them.
 * A residency list may also name regions one by one.
 */
public final class Geography {
    private Geography() {}

    /** AWS regions in EU member states: Frankfurt, Ireland, Paris, Stockholm, Milan, Spain. */
    static final Set<String> EU_MEMBER_REGIONS = Set.of("eu-central-1", "eu-west-1", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2");

    /** Geography names and the region-code prefixes each covers ("eu" is {@link #EU_MEMBER_REGIONS}). */
    static final Map<String, List<String>> PREFIXES = prefixes();

    private static Map<String, List<String>> prefixes() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("eu", List.of());
        m.put("europe", List.of("eu-"));
        m.put("us", List.of("us-"));
        m.put("apac", List.of("ap-"));
        m.put("ca", List.of("ca-"));
        m.put("sa", List.of("sa-"));
        m.put("me", List.of("me-", "il-"));
        m.put("af", List.of("af-"));
        m.put("mx", List.of("mx-"));
        m.put("cn", List.of("cn-"));
        m.put("north-america", List.of("us-", "ca-", "mx-"));
        return m;
    }

    /** The geography names a residency list may use. */
    public static List<String> names() {
        return new ArrayList<>(PREFIXES.keySet());
    }

    public static boolean isName(String s) {
        return PREFIXES.containsKey(s);
    }

    /** Whether {@code region} lies in {@code geographyOrRegion} (a geography name, or the region code itself). */
    public static boolean contains(String geographyOrRegion, String region) {
        if (geographyOrRegion.equals(region)) {
            return true;
        }
        if ("eu".equals(geographyOrRegion)) {
            return EU_MEMBER_REGIONS.contains(region);
        }
        List<String> prefixes = PREFIXES.get(geographyOrRegion);
        if (prefixes == null) {
            return false;
        }
        for (String p : prefixes) {
            if (region.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code region} lies in any of {@code residency} (an empty list allows every region). */
    public static boolean allows(List<String> residency, String region) {
        if (residency.isEmpty()) {
            return true;
        }
        for (String g : residency) {
            if (contains(g, region)) {
                return true;
            }
        }
        return false;
    }
}
