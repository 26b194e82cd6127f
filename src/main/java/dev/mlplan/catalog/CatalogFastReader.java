package dev.mlplan.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@link CatalogJson#read}: reads the catalog with Jackson's streaming parser,
 * building the records by hand instead of through reflective data binding (tens of thousands of
 * {@link Price} and {@link SpotInfo} rows, over a thousand instance types), and sharing one String instance per distinct region, type and source.
 *
 * <p>It accepts a strict subset of what data binding accepts: every field of every record present
 * exactly once (nulls written out, as {@link CatalogJson#toJson} does), no other field, and only
 * the token types the fields' Java types take without coercion. For anything else (unknown or
 * missing fields, other token types, a malformed file) it returns {@code null}, and the caller reads
 * the bytes again with data binding, which then gives exactly the result and the error message it
 * always gave. For the input it accepts, the result equals data binding's (tested on the embedded
 * catalog and the test catalogs).
 */
final class CatalogFastReader {
    private static final String[] FIELDS = {
        "formatVersion", "id", "pricesAsOf", "description", "sources", "accelerators", "instanceTypes", "prices", "spot", "limits",
        "servicePrices", "ebsVolumeTypes"
    };
    private static final Map<String, PricingModel> PRICING = new HashMap<>();

    static {
        for (PricingModel pm : PricingModel.values()) {
            PRICING.put(pm.id(), pm);
        }
    }

    /** Thrown inside the reader when the input leaves the fast path's subset. */
    private static final class NotFast extends Exception {
        private static final long serialVersionUID = 1L;

        NotFast() {
            super(null, null, false, false);
        }
    }

    private static final NotFast NOT_FAST = new NotFast();

    /**
     * A factory with the default features, as the one inside {@link CatalogJson}'s JsonMapper: data
     * binding itself (and its start-up cost) is not needed here.
     */
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, String> strings = new HashMap<>();
    private JsonParser p;

    private CatalogFastReader() {}

    /** @return the document, or null when the input is outside the fast path's subset */
    static CatalogDocument read(byte[] json) {
        return new CatalogFastReader().read0(json);
    }

    private CatalogDocument read0(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            p = parser;
            return document();
        } catch (NotFast | IOException | RuntimeException e) {
            return null;
        }
    }

    private CatalogDocument document() throws IOException, NotFast {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        Object[] values = new Object[FIELDS.length];
        boolean[] seen = new boolean[FIELDS.length];
        int formatVersion = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            expect(t, JsonToken.FIELD_NAME);
            int field = fieldIndex(p.currentName());
            if (seen[field]) {
                throw NOT_FAST;
            }
            seen[field] = true;
            JsonToken v = p.nextToken();
            switch (field) {
                case 0 -> formatVersion = integer(v);
                case 1, 2, 3 -> values[field] = string(v);
                case 4 -> values[field] = objects(this::source);
                case 5 -> values[field] = objects(this::accelerator);
                case 6 -> values[field] = objects(this::instanceType);
                case 7 -> values[field] = prices();
                case 8 -> values[field] = spot();
                case 9 -> values[field] = objects(this::limit);
                case 10 -> values[field] = objects(this::servicePrice);
                case 11 -> values[field] = objects(this::ebsVolumeType);
                default -> throw NOT_FAST;
            }
        }
        for (boolean s : seen) {
            if (!s) {
                throw NOT_FAST;
            }
        }
        if (p.nextToken() != null) {
            throw NOT_FAST;
        }
        return new CatalogDocument(formatVersion, (String) values[1], (String) values[2], (String) values[3], list(values[4]),
                list(values[5]), list(values[6]), list(values[7]), list(values[8]), list(values[9]), list(values[10]), list(values[11]));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return (List<T>) o;
    }

    private static int fieldIndex(String name) throws NotFast {
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i].equals(name)) {
                return i;
            }
        }
        throw NOT_FAST;
    }

    /** Reads one record from the object at the current token. */
    @FunctionalInterface
    private interface RecordReader<T> {
        T read() throws IOException, NotFast;
    }

    /** An array of objects, each read by {@code reader}. */
    private <T> List<T> objects(RecordReader<T> reader) throws IOException, NotFast {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<T> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            out.add(reader.read());
        }
        return out;
    }

    /**
     * The fields of the object at the current token, in the order of {@code names}: each one must
     * be there exactly once, and no other.
     */
    private Object[] fields(String[] names, char[] kinds) throws IOException, NotFast {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        Object[] values = new Object[names.length];
        boolean[] seen = new boolean[names.length];
        int count = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            expect(t, JsonToken.FIELD_NAME);
            String name = p.currentName();
            int i = 0;
            while (i < names.length && !names[i].equals(name)) {
                i++;
            }
            if (i == names.length || seen[i]) {
                throw NOT_FAST;
            }
            seen[i] = true;
            count++;
            JsonToken v = p.nextToken();
            values[i] = switch (kinds[i]) {
                case 's' -> string(v);
                case 'd' -> number(v);
                case 'i' -> integer(v);
                case 'b' -> bool(v);
                case 'A' -> v == JsonToken.VALUE_NULL ? null : accelerators();
                case 'E' -> v == JsonToken.VALUE_NULL ? null : ebs();
                default -> throw NOT_FAST;
            };
        }
        if (count != names.length) {
            throw NOT_FAST;
        }
        return values;
    }

    private static final String[] SOURCE = {"id", "title", "url", "asOf", "kind", "note"};
    private static final char[] SOURCE_KINDS = "ssssss".toCharArray();

    private Source source() throws IOException, NotFast {
        Object[] v = fields(SOURCE, SOURCE_KINDS);
        return new Source((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5]);
    }

    private static final String[] ACCELERATOR = {
        "name", "kind", "memoryGiB", "bandwidthGBs", "fp32Tflops", "bf16Tflops", "fp8Tflops", "int8Tops", "defaultMfu", "defaultMbu",
        "tdpWatts", "source"
    };
    private static final char[] ACCELERATOR_KINDS = "ssddddddddds".toCharArray();

    private Accelerator accelerator() throws IOException, NotFast {
        Object[] v = fields(ACCELERATOR, ACCELERATOR_KINDS);
        return new Accelerator((String) v[0], (String) v[1], (Double) v[2], (Double) v[3], (Double) v[4], (Double) v[5], (Double) v[6],
                (Double) v[7], (Double) v[8], (Double) v[9], (Double) v[10], (String) v[11]);
    }

    private static final String[] INSTANCE_TYPE = {
        "name", "family", "arch", "vcpus", "memoryGiB", "accelerators", "ebs", "networkGbps", "efaInterfaces", "currentGeneration", "source"
    };
    private static final char[] INSTANCE_TYPE_KINDS = "sssidAEdibs".toCharArray();

    private InstanceType instanceType() throws IOException, NotFast {
        Object[] v = fields(INSTANCE_TYPE, INSTANCE_TYPE_KINDS);
        return new InstanceType((String) v[0], (String) v[1], (String) v[2], (Integer) v[3], (Double) v[4], (InstanceType.Accelerators) v[5],
                (InstanceType.Ebs) v[6], (Double) v[7], (Integer) v[8], (Boolean) v[9], (String) v[10]);
    }

    private static final String[] ACCELERATORS = {"name", "count", "memoryGiB"};
    private static final char[] ACCELERATORS_KINDS = "sid".toCharArray();

    private InstanceType.Accelerators accelerators() throws IOException, NotFast {
        Object[] v = fields(ACCELERATORS, ACCELERATORS_KINDS);
        return new InstanceType.Accelerators((String) v[0], (Integer) v[1], (Double) v[2]);
    }

    private static final String[] EBS = {"baselineMbps", "maxMbps", "baselineIops", "maxIops"};
    private static final char[] EBS_KINDS = "dddd".toCharArray();

    private InstanceType.Ebs ebs() throws IOException, NotFast {
        Object[] v = fields(EBS, EBS_KINDS);
        return new InstanceType.Ebs((Double) v[0], (Double) v[1], (Double) v[2], (Double) v[3]);
    }

    private static final String[] LIMIT = {"id", "value", "unit", "description", "source"};
    private static final char[] LIMIT_KINDS = "sdsss".toCharArray();

    private Limit limit() throws IOException, NotFast {
        Object[] v = fields(LIMIT, LIMIT_KINDS);
        return new Limit((String) v[0], (Double) v[1], (String) v[2], (String) v[3], (String) v[4]);
    }

    private static final String[] SERVICE_PRICE = {"id", "region", "usd", "unit", "source"};
    private static final char[] SERVICE_PRICE_KINDS = "ssdss".toCharArray();

    private ServicePrice servicePrice() throws IOException, NotFast {
        Object[] v = fields(SERVICE_PRICE, SERVICE_PRICE_KINDS);
        return new ServicePrice((String) v[0], (String) v[1], (Double) v[2], (String) v[3], (String) v[4]);
    }

    private static final String[] EBS_VOLUME_TYPE = {
        "name", "minGiB", "maxGiB", "maxIops", "maxMiBps", "includedIops", "includedMiBps", "iopsPerGiB", "multiAttachMax", "source"
    };
    private static final char[] EBS_VOLUME_TYPE_KINDS = "sdddddddis".toCharArray();

    private EbsVolumeType ebsVolumeType() throws IOException, NotFast {
        Object[] v = fields(EBS_VOLUME_TYPE, EBS_VOLUME_TYPE_KINDS);
        return new EbsVolumeType((String) v[0], (Double) v[1], (Double) v[2], (Double) v[3], (Double) v[4], (Double) v[5], (Double) v[6],
                (Double) v[7], (Integer) v[8], (String) v[9]);
    }

    /** Rows {@code [region, instanceType, pricing, usdPerHour, upfrontUsd, source]}. */
    private List<Price> prices() throws IOException, NotFast {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<Price> out = new ArrayList<>(1 << 16);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.START_ARRAY);
            String region = string(p.nextToken());
            String type = string(p.nextToken());
            expect(p.nextToken(), JsonToken.VALUE_STRING);
            PricingModel pricing = PRICING.get(p.getText());
            if (pricing == null) {
                throw NOT_FAST;
            }
            double usd = number(p.nextToken());
            double upfront = number(p.nextToken());
            String source = string(p.nextToken());
            expect(p.nextToken(), JsonToken.END_ARRAY);
            out.add(new Price(region, type, pricing, usd, upfront, source));
        }
        return out;
    }

    /** Rows {@code [region, instanceType, avg, min, bucket, savingsPct, priceSource, interruptionSource]}. */
    private List<SpotInfo> spot() throws IOException, NotFast {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<SpotInfo> out = new ArrayList<>(1 << 14);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.START_ARRAY);
            String region = string(p.nextToken());
            String type = string(p.nextToken());
            Double avg = nullableNumber(p.nextToken());
            Double min = nullableNumber(p.nextToken());
            String bucket = string(p.nextToken());
            Integer savings = nullableInt(p.nextToken());
            String priceSource = string(p.nextToken());
            String interruptionSource = string(p.nextToken());
            expect(p.nextToken(), JsonToken.END_ARRAY);
            out.add(new SpotInfo(region, type, avg, min, bucket, savings, priceSource, interruptionSource));
        }
        return out;
    }

    /** A string or null; equal strings share one instance. */
    private String string(JsonToken t) throws IOException, NotFast {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        String s = p.getText();
        String shared = strings.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    private double number(JsonToken t) throws IOException, NotFast {
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw NOT_FAST;
        }
        return p.getDoubleValue();
    }

    private Double nullableNumber(JsonToken t) throws IOException, NotFast {
        return t == JsonToken.VALUE_NULL ? null : number(t);
    }

    private Integer nullableInt(JsonToken t) throws IOException, NotFast {
        return t == JsonToken.VALUE_NULL ? null : integer(t);
    }

    private int integer(JsonToken t) throws IOException, NotFast {
        expect(t, JsonToken.VALUE_NUMBER_INT);
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw NOT_FAST;
        }
        return p.getIntValue();
    }

    private static boolean bool(JsonToken t) throws NotFast {
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw NOT_FAST;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws NotFast {
        if (actual != expected) {
            throw NOT_FAST;
        }
    }
}
