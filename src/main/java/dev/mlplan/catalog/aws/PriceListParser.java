package dev.mlplan.catalog.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one Price List item (an element of {@code GetProducts.PriceList}: a JSON document encoded as
 * a string) into catalog figures. Pure: no SDK, no network.
 *
 * <p>An item looks like {@code {"product":{"productFamily":…,"attributes":{…},"sku":…},
 * "serviceCode":…,"terms":{"OnDemand":{OFFER:{"priceDimensions":{DIM:{"unit":"Hrs",
 * "pricePerUnit":{"USD":"21.9576420000"},"beginRange":…}}}},"Reserved":{OFFER:{"termAttributes":
 * {"LeaseContractLength":"1yr","OfferingClass":"standard","PurchaseOption":"Partial Upfront"},
 * "priceDimensions":{…"Hrs"…,…"Quantity"…}}}}}}.
 *
 * <h2>Service price ids</h2>
 * <ul>
 *   <li>Lambda ({@code AWSLambda}, by {@code attributes.group}): {@code lambda.x86.gb-second}
 *       (AWS-Lambda-Duration), {@code lambda.arm.gb-second} (AWS-Lambda-Duration-ARM), both per
 *       GB-second; {@code lambda.requests} (AWS-Lambda-Requests) per 1M requests. First tier only.
 *   <li>S3 ({@code AmazonS3}, by {@code usagetype} without its region prefix):
 *       {@code s3.standard.gb-month} (TimedStorage-ByteHrs, first 50 TB tier),
 *       {@code s3.standard-ia.gb-month} (-SIA-), {@code s3.onezone-ia.gb-month} (-ZIA-),
 *       {@code s3.glacier-ir.gb-month} (-GIR-), {@code s3.glacier-flexible.gb-month}
 *       (TimedStorage-GlacierByteHrs), {@code s3.glacier-deep-archive.gb-month} (-GDA-);
 *       {@code s3.put.per-1k} (Requests-Tier1) and {@code s3.get.per-1k} (Requests-Tier2)
 *       per 1,000 requests.
 *   <li>EBS ({@code AmazonEC2}, by {@code attributes.volumeApiName}): {@code ebs.TYPE.gb-month}
 *       (productFamily Storage), {@code ebs.TYPE.iops-month} (usagetype EBS:VolumeP-IOPS.*; io2's
 *       higher tiers as {@code ebs.io2.iops-month.32k-64k} / {@code .over-64k}, the embedded catalog's ids), {@code ebs.TYPE.mibps-month}
 *       (EBS:VolumeP-Throughput.*, priced per GiBps-mo by AWS: divided by 1,024).
 *   <li>SageMaker ({@code AmazonSageMaker}, productFamily ML Instance):
 *       {@code sagemaker.training.<ml.type>.hour} (component Training) and
 *       {@code sagemaker.hosting.<ml.type>.hour} (component Hosting, real-time endpoints), e.g.
 *       {@code sagemaker.training.ml.p4d.24xlarge.hour}; unit "hour". There is no
 *       {@link PricingModel} for SageMaker instances, hence service prices.
 * </ul>
 *
 * <p>Items priced $0 (EC2 capacity-block SKUs and the like) are reported as {@link ZeroPriced} and
 * never become a price: a $0 figure would make a type look free.
 */
final class PriceListParser {
    static final double HOURS_PER_YEAR = 8760;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGION_PREFIX = Pattern.compile("^[A-Z]{2,4}[0-9]*-(?=.)");
    private static final Pattern IOPS_TIER = Pattern.compile("\\.tier(\\d+)$");
    /** io2 IOPS tiers 2 and 3 under the embedded catalog\'s ids. */
    private static final java.util.Map<String, String> IO2_TIER_SUFFIX = java.util.Map.of("2", ".32k-64k", "3", ".over-64k");

    private final String sourceId;

    PriceListParser(String sourceId) {
        this.sourceId = sourceId;
    }

    /** What one item gave. */
    sealed interface ItemResult {}

    record Priced(List<Price> prices, List<ServicePrice> servicePrices) implements ItemResult {}

    /** A valid item of no interest to mlplan (another usage type, tier or component). */
    record Ignored(String why) implements ItemResult {}

    /** An item priced $0, e.g. an EC2 capacity-block SKU. */
    record ZeroPriced(String what) implements ItemResult {}

    /** An item that is not valid JSON or lacks a field mlplan needs. */
    record Malformed(String why) implements ItemResult {}

    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private record Dim(String rawUnit, PriceUnit.Normalised unit, BigDecimal usd, BigDecimal beginRange) {}

    /** An EC2 compute item (ServiceCode AmazonEC2, the Linux/Shared/OnDemand filters): on-demand and reserved prices. */
    ItemResult compute(String json, String queriedRegion) {
        try {
            JsonNode root = read(json);
            JsonNode attrs = root.path("product").path("attributes");
            String type = requiredText(attrs, "instanceType", "product.attributes.instanceType");
            String region = optionalText(attrs, "regionCode").orElse(queriedRegion);
            JsonNode onDemand = root.path("terms").path("OnDemand");
            if (!onDemand.isObject() || onDemand.isEmpty()) {
                throw new Bad(type + ": no terms.OnDemand");
            }
            Dim hourly = firstTier(dims(onDemand), PriceUnit.HOUR, type + " on-demand");
            if (hourly.usd().signum() == 0) {
                return new ZeroPriced(type + " in " + region);
            }
            List<Price> prices = new ArrayList<>();
            prices.add(new Price(region, type, PricingModel.ON_DEMAND, hourly.usd().doubleValue(), 0, sourceId));
            prices.addAll(reserved(root.path("terms").path("Reserved"), region, type));
            return new Priced(prices, List.of());
        } catch (Bad e) {
            return new Malformed(e.getMessage());
        }
    }

    private List<Price> reserved(JsonNode reservedTerms, String region, String type) throws Bad {
        Map<PricingModel, Price> out = new EnumMap<>(PricingModel.class);
        for (Iterator<JsonNode> it = reservedTerms.elements(); it.hasNext(); ) {
            JsonNode offer = it.next();
            JsonNode ta = offer.path("termAttributes");
            Optional<PricingModel> model = reservedModel(
                    ta.path("LeaseContractLength").asText(""), ta.path("OfferingClass").asText(""),
                    ta.path("PurchaseOption").asText(""));
            if (model.isEmpty() || out.containsKey(model.get())) {
                continue;
            }
            BigDecimal hourly = BigDecimal.ZERO;
            BigDecimal upfront = BigDecimal.ZERO;
            for (Dim d : dims(offer)) {
                switch (d.unit().unit()) {
                    case HOUR -> hourly = hourly.add(d.usd());
                    case QUANTITY -> upfront = upfront.add(d.usd());
                    default -> throw new Bad(type + " reserved: unexpected unit '" + d.rawUnit() + "'");
                }
            }
            double effective = effectiveHourly(hourly, upfront, model.get().termYears());
            if (effective > 0) {
                out.put(model.get(), new Price(region, type, model.get(), effective, upfront.doubleValue(), sourceId));
            }
        }
        return List.copyOf(out.values());
    }

    /** Hourly rate plus the upfront fee spread over every hour of the term (8,760 hours a year). */
    static double effectiveHourly(BigDecimal hourly, BigDecimal upfront, int termYears) {
        BigDecimal hours = BigDecimal.valueOf(HOURS_PER_YEAR).multiply(BigDecimal.valueOf(termYears));
        return hourly.add(upfront.divide(hours, MathContext.DECIMAL64)).doubleValue();
    }

    /** LeaseContractLength 1yr/3yr × OfferingClass standard/convertible × PurchaseOption No/Partial/All Upfront. */
    static Optional<PricingModel> reservedModel(String lease, String offeringClass, String purchaseOption) {
        String years = lease.replace(" ", "").toLowerCase(Locale.ROOT);
        String y = switch (years) {
            case "1yr", "1year" -> "1Y";
            case "3yr", "3year" -> "3Y";
            default -> null;
        };
        String cls = switch (offeringClass.toLowerCase(Locale.ROOT)) {
            case "standard" -> "";
            case "convertible" -> "CONVERTIBLE_";
            default -> null;
        };
        String opt = switch (purchaseOption.toLowerCase(Locale.ROOT)) {
            case "no upfront" -> "NO_UPFRONT";
            case "partial upfront" -> "PARTIAL_UPFRONT";
            case "all upfront" -> "ALL_UPFRONT";
            default -> null;
        };
        if (y == null || cls == null || opt == null) {
            return Optional.empty();
        }
        return Optional.of(PricingModel.valueOf("RESERVED_" + y + "_" + cls + opt));
    }

    /** A Lambda, S3, EBS or SageMaker item: service prices (see the class comment for the ids). */
    ItemResult service(AwsService service, String json, String queriedRegion) {
        try {
            JsonNode root = read(json);
            JsonNode attrs = root.path("product").path("attributes");
            if (!attrs.isObject()) {
                throw new Bad("no product.attributes");
            }
            String region = optionalText(attrs, "regionCode").orElse(queriedRegion);
            Optional<Target> target = switch (service) {
                case LAMBDA -> lambdaTarget(attrs);
                case S3 -> s3Target(attrs);
                case EBS -> ebsTarget(root.path("product").path("productFamily").asText(""), attrs);
                case SAGEMAKER -> sageMakerTarget(attrs);
                case EC2 -> throw new IllegalArgumentException("EC2 instance items go through compute()");
            };
            if (target.isEmpty()) {
                return new Ignored("not a figure mlplan keeps");
            }
            Target t = target.get();
            JsonNode onDemand = root.path("terms").path("OnDemand");
            if (!onDemand.isObject() || onDemand.isEmpty()) {
                throw new Bad(t.id() + ": no terms.OnDemand");
            }
            Dim dim = firstTier(dims(onDemand), t.unit(), t.id());
            if (dim.usd().signum() == 0) {
                return new ZeroPriced(t.id() + " in " + region);
            }
            double usd = dim.unit().convert(dim.usd()).multiply(t.scale()).doubleValue();
            return new Priced(List.of(), List.of(new ServicePrice(t.id(), region, usd, t.displayUnit(), sourceId)));
        } catch (Bad e) {
            return new Malformed(e.getMessage());
        }
    }

    /** Where an item goes: the service price id, the unit its price must be in, and how it is shown. */
    private record Target(String id, PriceUnit unit, String displayUnit, BigDecimal scale) {
        Target(String id, PriceUnit unit, String displayUnit, long scale) {
            this(id, unit, displayUnit, BigDecimal.valueOf(scale));
        }
    }

    private static Optional<Target> lambdaTarget(JsonNode attrs) {
        return switch (attrs.path("group").asText("")) {
            case "AWS-Lambda-Duration" -> Optional.of(new Target("lambda.x86.gb-second", PriceUnit.GB_SECOND, "GB-second", 1));
            case "AWS-Lambda-Duration-ARM" -> Optional.of(new Target("lambda.arm.gb-second", PriceUnit.GB_SECOND, "GB-second", 1));
            case "AWS-Lambda-Requests" -> Optional.of(new Target("lambda.requests", PriceUnit.REQUEST, "1M requests", 1_000_000));
            default -> Optional.empty();
        };
    }

    private static Optional<Target> s3Target(JsonNode attrs) {
        String usage = withoutRegionPrefix(attrs.path("usagetype").asText(""));
        String storage = switch (usage) {
            case "TimedStorage-ByteHrs" -> "s3.standard.gb-month";
            case "TimedStorage-SIA-ByteHrs" -> "s3.standard-ia.gb-month";
            case "TimedStorage-ZIA-ByteHrs" -> "s3.onezone-ia.gb-month";
            case "TimedStorage-GIR-ByteHrs" -> "s3.glacier-ir.gb-month";
            case "TimedStorage-GlacierByteHrs" -> "s3.glacier-flexible.gb-month";
            case "TimedStorage-GDA-ByteHrs" -> "s3.glacier-deep-archive.gb-month";
            default -> null;
        };
        if (storage != null) {
            return Optional.of(new Target(storage, PriceUnit.GB_MONTH, "GB-month", 1));
        }
        return switch (usage) {
            case "Requests-Tier1" -> Optional.of(new Target("s3.put.per-1k", PriceUnit.REQUEST, "1k requests", 1_000));
            case "Requests-Tier2" -> Optional.of(new Target("s3.get.per-1k", PriceUnit.REQUEST, "1k requests", 1_000));
            default -> Optional.empty();
        };
    }

    private static Optional<Target> ebsTarget(String productFamily, JsonNode attrs) {
        String volume = attrs.path("volumeApiName").asText("");
        if (volume.isEmpty()) {
            return Optional.empty();
        }
        String usage = withoutRegionPrefix(attrs.path("usagetype").asText(""));
        if (productFamily.equals("Storage") && usage.startsWith("EBS:VolumeUsage")) {
            return Optional.of(new Target("ebs." + volume + ".gb-month", PriceUnit.GB_MONTH, "GB-month", 1));
        }
        if (usage.startsWith("EBS:VolumeP-IOPS")) {
            Matcher tier = IOPS_TIER.matcher(usage);
            String suffix = tier.find() ? IO2_TIER_SUFFIX.getOrDefault(tier.group(1), "-tier" + tier.group(1)) : "";
            return Optional.of(new Target("ebs." + volume + ".iops-month" + suffix, PriceUnit.IOPS_MONTH, "IOPS-month", 1));
        }
        if (usage.startsWith("EBS:VolumeP-Throughput")) {
            return Optional.of(new Target("ebs." + volume + ".mibps-month", PriceUnit.MIBPS_MONTH, "MiB/s-month", 1));
        }
        return Optional.empty();
    }

    private static Optional<Target> sageMakerTarget(JsonNode attrs) throws Bad {
        String component = attrs.path("component").asText("");
        String part = switch (component) {
            case "Training" -> "training";
            case "Hosting" -> "hosting";
            default -> null;
        };
        if (part == null) {
            return Optional.empty();
        }
        String instance = requiredText(attrs, "instanceName", "product.attributes.instanceName");
        if (!instance.startsWith("ml.")) {
            throw new Bad("instanceName '" + instance + "' is not an ml.* type");
        }
        return Optional.of(new Target("sagemaker." + part + "." + instance + ".hour", PriceUnit.HOUR, "hour", 1));
    }

    static String withoutRegionPrefix(String usageType) {
        return REGION_PREFIX.matcher(usageType).replaceFirst("");
    }

    private static JsonNode read(String json) throws Bad {
        if (json == null || json.isBlank()) {
            throw new Bad("empty item");
        }
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new Bad("not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new Bad("not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String requiredText(JsonNode node, String field, String path) throws Bad {
        return optionalText(node, field).orElseThrow(() -> new Bad("missing " + path));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    /** Every price dimension under a term kind ({@code terms.OnDemand}) or a single offer. */
    private static List<Dim> dims(JsonNode termsOrOffer) throws Bad {
        List<Dim> out = new ArrayList<>();
        if (termsOrOffer.has("priceDimensions")) {
            collectDims(termsOrOffer.get("priceDimensions"), out);
        } else {
            for (Iterator<JsonNode> it = termsOrOffer.elements(); it.hasNext(); ) {
                collectDims(it.next().path("priceDimensions"), out);
            }
        }
        return out;
    }

    private static void collectDims(JsonNode priceDimensions, List<Dim> out) throws Bad {
        for (Iterator<JsonNode> it = priceDimensions.elements(); it.hasNext(); ) {
            JsonNode d = it.next();
            String rawUnit = d.path("unit").asText("");
            JsonNode usd = d.path("pricePerUnit").path("USD");
            if (!usd.isTextual() && !usd.isNumber()) {
                throw new Bad("price dimension without pricePerUnit.USD");
            }
            BigDecimal price = number(usd.asText(), "pricePerUnit.USD");
            if (price.signum() < 0) {
                throw new Bad("pricePerUnit.USD '" + usd.asText() + "' is not a price");
            }
            Optional<PriceUnit.Normalised> unit = PriceUnit.parse(rawUnit);
            if (unit.isEmpty()) {
                continue; // a dimension in a unit mlplan does not use; firstTier() says so if none is left
            }
            String begin = d.path("beginRange").asText("0");
            out.add(new Dim(rawUnit, unit.get(), price, begin.isEmpty() ? BigDecimal.ZERO : number(begin, "beginRange")));
        }
    }

    private static BigDecimal number(String text, String what) throws Bad {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new Bad(what + " '" + text + "' is not a number");
        }
    }

    /** The dimension in {@code unit} with the lowest beginRange (the first tier of a tiered price). */
    private static Dim firstTier(List<Dim> dims, PriceUnit unit, String what) throws Bad {
        return dims.stream()
                .filter(d -> d.unit().unit() == unit)
                .min(Comparator.comparing(Dim::beginRange))
                .orElseThrow(() -> new Bad(what + ": no price dimension in " + unit.canonical()
                        + (dims.isEmpty() ? "" : " (found " + dims.stream().map(Dim::rawUnit).distinct().toList() + ")")));
    }
}
