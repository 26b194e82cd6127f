package dev.mlplan.catalog;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of a {@link CatalogDocument}, made by the build from the embedded catalog's
 * JSON ({@code dev.mlplan.build.EmbeddedCatalogBinary}) so that a start-up reads numbers instead of
 * inflating and parsing 7.7 MB of JSON, and only the regions a workload asks for (docs/performance.md).
 * The JSON stays the catalog's format: it is what the builder writes, what is committed and reviewed,
 * what {@code catalog refresh} writes and what {@code --catalog} reads. The binary holds exactly the
 * same document (tested: reading it gives a document equal to reading the JSON).
 *
 * <p>Layout, big-endian: the magic {@code MLPLANCB}, this codec's version, the byte length of the
 * JSON it was made from (so that a loader can tell a binary left over from an older JSON), a string
 * table (each distinct string once, in first-use order, as a length and UTF-8 bytes), then the
 * document's small lists (sources, accelerators, instance types, limits, EBS volume types), the
 * number of price, spot and service-price rows, the regions with the rows of each (a name, three
 * counts and the byte length of the region's block), for each instance type the regions in which it
 * has a price, and last the regions' blocks: a region's price, spot and service-price rows, each
 * row with its position in the document, so that the whole document can be put back in its order.
 * A string is its table index + 1 (0 for null), a nullable number a presence byte then the number,
 * a list its length then its elements.
 */
public final class CatalogBinary {
    static final byte[] MAGIC = "MLPLANCB".getBytes(StandardCharsets.US_ASCII);

    /** Bumped whenever the layout or a catalog record changes. 2: rows grouped by region. */
    static final int CODEC_VERSION = 2;

    private CatalogBinary() {}

    // ---- writing ----

    /** The binary form of a document, made from a JSON file of {@code sourceBytes} bytes (-1: none). */
    public static byte[] write(CatalogDocument d, long sourceBytes) {
        Writer w = new Writer();
        w.document(d);
        return w.bytes(sourceBytes);
    }

    /**
     * The byte length of the JSON a binary was made from, read from its header.
     *
     * @throws CatalogException when the bytes are not this codec's output
     */
    public static long sourceBytes(byte[] bytes, String name) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            checkHeader(in, name);
            return in.getLong();
        } catch (BufferUnderflowException e) {
            throw new CatalogException(name + " is not a readable binary catalog: " + e, e);
        }
    }

    private static void checkHeader(ByteBuffer in, String name) {
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        int version = in.getInt();
        if (!Arrays.equals(magic, MAGIC) || version != CODEC_VERSION) {
            throw new CatalogException(name + " is not a binary catalog of codec version " + CODEC_VERSION);
        }
    }

    /** A region's rows, by their positions in the document's lists. */
    private static final class RegionRows {
        final List<Integer> prices = new ArrayList<>();
        final List<Integer> spot = new ArrayList<>();
        final List<Integer> services = new ArrayList<>();
    }

    private static final class Writer {
        private final Map<String, Integer> table = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
        private DataOutputStream out = new DataOutputStream(body);

        byte[] bytes(long sourceBytes) {
            try {
                ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + (1 << 18));
                DataOutputStream head = new DataOutputStream(all);
                head.write(MAGIC);
                head.writeInt(CODEC_VERSION);
                head.writeLong(sourceBytes);
                head.writeInt(table.size());
                for (String s : table.keySet()) {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    head.writeInt(utf8.length);
                    head.write(utf8);
                }
                body.writeTo(head);
                head.flush();
                return all.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void document(CatalogDocument d) {
            try {
                out.writeInt(d.formatVersion());
                str(d.id());
                str(d.pricesAsOf());
                str(d.description());
                out.writeInt(d.sources().size());
                for (Source s : d.sources()) {
                    str(s.id());
                    str(s.title());
                    str(s.url());
                    str(s.asOf());
                    str(s.kind());
                    str(s.note());
                }
                out.writeInt(d.accelerators().size());
                for (Accelerator a : d.accelerators()) {
                    str(a.name());
                    str(a.kind());
                    nums(a.memoryGiB(), a.bandwidthGBs(), a.fp32Tflops(), a.bf16Tflops(), a.fp8Tflops(), a.int8Tops(), a.defaultMfu(), a.defaultMbu(),
                            a.tdpWatts());
                    str(a.source());
                }
                out.writeInt(d.instanceTypes().size());
                for (InstanceType t : d.instanceTypes()) {
                    str(t.name());
                    str(t.family());
                    str(t.arch());
                    out.writeInt(t.vcpus());
                    out.writeDouble(t.memoryGiB());
                    out.writeBoolean(t.accelerators() != null);
                    if (t.accelerators() != null) {
                        str(t.accelerators().name());
                        out.writeInt(t.accelerators().count());
                        out.writeDouble(t.accelerators().memoryGiB());
                    }
                    out.writeBoolean(t.ebs() != null);
                    if (t.ebs() != null) {
                        nums(t.ebs().baselineMbps(), t.ebs().maxMbps(), t.ebs().baselineIops(), t.ebs().maxIops());
                    }
                    out.writeDouble(t.networkGbps());
                    out.writeInt(t.efaInterfaces());
                    out.writeBoolean(t.currentGeneration());
                    str(t.source());
                }
                out.writeInt(d.limits().size());
                for (Limit l : d.limits()) {
                    str(l.id());
                    out.writeDouble(l.value());
                    str(l.unit());
                    str(l.description());
                    str(l.source());
                }
                out.writeInt(d.ebsVolumeTypes().size());
                for (EbsVolumeType e : d.ebsVolumeTypes()) {
                    str(e.name());
                    nums(e.minGiB(), e.maxGiB(), e.maxIops(), e.maxMiBps(), e.includedIops(), e.includedMiBps(), e.iopsPerGiB());
                    out.writeInt(e.multiAttachMax());
                    str(e.source());
                }
                regions(d);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
        }

        /** The rows grouped by region (in the order regions first appear), with the directory in front. */
        private void regions(CatalogDocument d) throws IOException {
            Map<String, RegionRows> byRegion = new LinkedHashMap<>(); // a null region is a group too
            for (int i = 0; i < d.prices().size(); i++) {
                byRegion.computeIfAbsent(d.prices().get(i).region(), k -> new RegionRows()).prices.add(i);
            }
            for (int i = 0; i < d.spot().size(); i++) {
                byRegion.computeIfAbsent(d.spot().get(i).region(), k -> new RegionRows()).spot.add(i);
            }
            for (int i = 0; i < d.servicePrices().size(); i++) {
                byRegion.computeIfAbsent(d.servicePrices().get(i).region(), k -> new RegionRows()).services.add(i);
            }
            List<String> names = new ArrayList<>(byRegion.keySet());
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            // the regions in which each instance type has a price, in the order types first appear
            Map<String, BitSet> priced = new LinkedHashMap<>();
            for (Price p : d.prices()) {
                priced.computeIfAbsent(p.instanceType(), k -> new BitSet()).set(index.get(p.region()));
            }
            // each region's block, written apart first to know its length
            List<byte[]> blocks = new ArrayList<>();
            DataOutputStream main = out;
            for (RegionRows rows : byRegion.values()) {
                ByteArrayOutputStream block = new ByteArrayOutputStream();
                out = new DataOutputStream(block);
                for (int i : rows.prices) {
                    Price p = d.prices().get(i);
                    out.writeInt(i);
                    str(p.instanceType());
                    out.writeInt(p.pricing() == null ? -1 : p.pricing().ordinal());
                    nums(p.usdPerHour(), p.upfrontUsd());
                    str(p.source());
                }
                for (int i : rows.spot) {
                    SpotInfo s = d.spot().get(i);
                    out.writeInt(i);
                    str(s.instanceType());
                    nullable(s.avgUsdPerHour());
                    nullable(s.minUsdPerHour());
                    str(s.interruptionBucket());
                    out.writeBoolean(s.savingsVsOnDemandPct() != null);
                    if (s.savingsVsOnDemandPct() != null) {
                        out.writeInt(s.savingsVsOnDemandPct());
                    }
                    str(s.priceSource());
                    str(s.interruptionSource());
                }
                for (int i : rows.services) {
                    ServicePrice s = d.servicePrices().get(i);
                    out.writeInt(i);
                    str(s.id());
                    out.writeDouble(s.usd());
                    str(s.unit());
                    str(s.source());
                }
                out.flush();
                blocks.add(block.toByteArray());
            }
            out = main;
            out.writeInt(d.prices().size());
            out.writeInt(d.spot().size());
            out.writeInt(d.servicePrices().size());
            out.writeInt(names.size());
            for (int r = 0; r < names.size(); r++) {
                RegionRows rows = byRegion.get(names.get(r));
                str(names.get(r));
                out.writeInt(rows.prices.size());
                out.writeInt(rows.spot.size());
                out.writeInt(rows.services.size());
                out.writeInt(blocks.get(r).length);
            }
            out.writeInt(priced.size());
            for (Map.Entry<String, BitSet> e : priced.entrySet()) {
                str(e.getKey());
                out.writeInt(e.getValue().cardinality());
                for (int r = e.getValue().nextSetBit(0); r >= 0; r = e.getValue().nextSetBit(r + 1)) {
                    out.writeInt(r);
                }
            }
            for (byte[] block : blocks) {
                out.write(block);
            }
        }

        private void str(String s) throws IOException {
            out.writeInt(s == null ? 0 : table.computeIfAbsent(s, k -> table.size() + 1));
        }

        private void nums(double... values) throws IOException {
            for (double v : values) {
                out.writeDouble(v);
            }
        }

        private void nullable(Double v) throws IOException {
            out.writeBoolean(v != null);
            if (v != null) {
                out.writeDouble(v);
            }
        }
    }

    // ---- reading ----

    /**
     * Reads a whole document written by {@link #write}: every region, the rows in the document's order.
     *
     * @throws CatalogException when the bytes are not this codec's output (wrong magic or version,
     *     truncated, an index out of range, bytes left over)
     */
    public static CatalogDocument read(byte[] bytes, String name) {
        return open(bytes, name).document();
    }

    /**
     * Reads a binary's header, string table, small lists and directory of regions; each region's rows
     * are read when {@link Image#region} asks for them.
     *
     * @throws CatalogException when the bytes are not this codec's output
     */
    public static Image open(byte[] bytes, String name) {
        try {
            return new Reader(bytes, 0, null).image(name);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw unreadable(name, e);
        }
    }

    private static CatalogException unreadable(String name, RuntimeException e) {
        return new CatalogException(name + " is not a readable binary catalog: " + e, e);
    }

    /**
     * An opened binary catalog: its small lists read, its regions' rows read on request. Immutable; any
     * thread may call it.
     */
    public static final class Image {
        private final byte[] bytes;
        private final String name;
        private final String[] table;
        private final CatalogDocument head;
        private final int prices;
        private final int spots;
        private final int services;
        private final String[] regions;
        /** Per region: its price, spot and service-price row counts, its block's offset and length. */
        private final int[] directory;
        private final Map<String, BitSet> priced;

        private Image(byte[] bytes, String name, String[] table, CatalogDocument head, int[] totals, String[] regions, int[] directory,
                Map<String, BitSet> priced) {
            this.bytes = bytes;
            this.name = name;
            this.table = table;
            this.head = head;
            this.prices = totals[0];
            this.spots = totals[1];
            this.services = totals[2];
            this.regions = regions;
            this.directory = directory;
            this.priced = priced;
        }

        /** The document without its price, spot and service-price rows (empty lists). */
        public CatalogDocument head() {
            return head;
        }

        /** The number of regions with rows of any kind. */
        public int regionCount() {
            return regions.length;
        }

        /** The name of region {@code r} (0 ≤ r &lt; {@link #regionCount()}); null for rows without a region. */
        public String regionName(int r) {
            return regions[r];
        }

        /** Whether region {@code r} has at least one instance price. */
        public boolean hasInstancePrices(int r) {
            return directory[r * 5] > 0;
        }

        /** For each instance type with a price, the regions ({@link #regionName} indexes) where it has one. */
        public Map<String, BitSet> pricedRegions() {
            return Collections.unmodifiableMap(priced);
        }

        /**
         * The rows of region {@code r}, in the document's order.
         *
         * @throws CatalogException when the region's bytes are not readable
         */
        public Rows region(int r) {
            try {
                return new Reader(bytes, directory[r * 5 + 3], table).block(name, regions[r], directory, r);
            } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
                throw unreadable(name, e);
            }
        }

        /**
         * The whole document, every region's rows put back in the document's order.
         *
         * @throws CatalogException when a region's bytes are not readable, or rows are missing or repeated
         */
        public CatalogDocument document() {
            Price[] p = new Price[prices];
            SpotInfo[] s = new SpotInfo[spots];
            ServicePrice[] v = new ServicePrice[services];
            for (int r = 0; r < regions.length; r++) {
                Rows rows = region(r);
                place(rows.prices, rows.pricePositions, p, "price");
                place(rows.spot, rows.spotPositions, s, "spot");
                place(rows.services, rows.servicePositions, v, "service-price");
            }
            return new CatalogDocument(head.formatVersion(), head.id(), head.pricesAsOf(), head.description(), head.sources(), head.accelerators(),
                    head.instanceTypes(), Arrays.asList(p), Arrays.asList(s), head.limits(), Arrays.asList(v), head.ebsVolumeTypes());
        }

        private <T> void place(List<T> rows, int[] positions, T[] into, String what) {
            for (int i = 0; i < positions.length; i++) {
                int at = positions[i];
                if (at < 0 || at >= into.length || into[at] != null) {
                    throw new CatalogException(name + " is not a readable binary catalog: " + what + " row " + at
                            + (at < 0 || at >= into.length ? " out of range" : " given twice"));
                }
                into[at] = rows.get(i);
            }
        }
    }

    /** The fewest bytes a price, spot and service-price row take in a region's block (with their positions). */
    static final int MIN_PRICE_ROW = 4 + 4 + 4 + 8 + 8 + 4;
    static final int MIN_SPOT_ROW = 4 + 4 + 1 + 1 + 4 + 1 + 4 + 4;
    static final int MIN_SERVICE_ROW = 4 + 4 + 8 + 4 + 4;

    /** One region's rows in the document's order, and their positions in the document's lists. */
    public static final class Rows {
        public final List<Price> prices;
        public final List<SpotInfo> spot;
        public final List<ServicePrice> services;
        final int[] pricePositions;
        final int[] spotPositions;
        final int[] servicePositions;

        private Rows(int prices, int spots, int services) {
            this.prices = new ArrayList<>(prices);
            this.spot = new ArrayList<>(spots);
            this.services = new ArrayList<>(services);
            this.pricePositions = new int[prices];
            this.spotPositions = new int[spots];
            this.servicePositions = new int[services];
        }
    }

    /**
     * Reads big-endian numbers straight from the array: a ByteBuffer's accessors go through several
     * calls each, which in a cold JVM made them a fifth of the catalog's reading time
     * (docs/performance.md). Reading past the end throws {@link BufferUnderflowException}, as a
     * ByteBuffer would.
     *
     * <p>Arguments of the record constructors are evaluated left to right (JLS 15.12.4.2), which is
     * the order the fields were written in.
     */
    private static final class Reader {
        private final byte[] b;
        private int p;
        private String[] table;

        Reader(byte[] bytes, int at, String[] table) {
            this.b = bytes;
            this.p = at;
            this.table = table;
        }

        Image image(String name) {
            checkHeader(ByteBuffer.wrap(b), name);
            p = MAGIC.length + 4;
            getLong(); // the source's length: see sourceBytes
            table = new String[count() + 1];
            for (int i = 1; i < table.length; i++) {
                int len = getInt();
                need(len);
                table[i] = new String(b, p, len, StandardCharsets.UTF_8);
                p += len;
            }
            int formatVersion = getInt();
            String id = str();
            String asOf = str();
            String description = str();
            int n = count();
            List<Source> sources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sources.add(new Source(str(), str(), str(), str(), str(), str()));
            }
            n = count();
            List<Accelerator> accelerators = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                accelerators.add(new Accelerator(str(), str(), num(), num(), num(), num(), num(), num(), num(), num(), num(), str()));
            }
            n = count();
            List<InstanceType> types = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                types.add(instanceType());
            }
            n = count();
            List<Limit> limits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                limits.add(new Limit(str(), num(), str(), str(), str()));
            }
            n = count();
            List<EbsVolumeType> ebs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ebs.add(new EbsVolumeType(str(), num(), num(), num(), num(), num(), num(), num(), getInt(), str()));
            }
            int[] totals = {getInt(), getInt(), getInt()};
            if (totals[0] < 0 || totals[1] < 0 || totals[2] < 0) {
                throw new IllegalArgumentException("negative row counts " + Arrays.toString(totals));
            }
            n = count();
            String[] regions = new String[n];
            int[] directory = new int[n * 5];
            Map<String, Integer> seen = new HashMap<>();
            long[] sums = new long[4];
            for (int r = 0; r < n; r++) {
                regions[r] = str();
                if (seen.put(regions[r], r) != null) {
                    throw new IllegalArgumentException("region " + regions[r] + " listed twice");
                }
                for (int k = 0; k < 3; k++) {
                    directory[r * 5 + k] = count();
                    sums[k] += directory[r * 5 + k];
                }
                directory[r * 5 + 4] = count();
                sums[3] += directory[r * 5 + 4];
                // each row takes at least this many bytes: counts the block cannot hold are not believed
                // (the whole document's arrays are sized by them)
                long least = (long) directory[r * 5] * MIN_PRICE_ROW + (long) directory[r * 5 + 1] * MIN_SPOT_ROW
                        + (long) directory[r * 5 + 2] * MIN_SERVICE_ROW;
                if (least > directory[r * 5 + 4]) {
                    throw new IllegalArgumentException("region " + regions[r] + " lists more rows than its " + directory[r * 5 + 4] + " bytes hold");
                }
            }
            if (sums[0] != totals[0] || sums[1] != totals[1] || sums[2] != totals[2]) {
                throw new IllegalArgumentException("the regions hold " + sums[0] + "/" + sums[1] + "/" + sums[2] + " rows, the catalog "
                        + Arrays.toString(totals));
            }
            n = count();
            Map<String, BitSet> priced = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String type = str();
                int k = count();
                BitSet in = new BitSet(regions.length);
                for (int j = 0; j < k; j++) {
                    int r = getInt();
                    if (r < 0 || r >= regions.length) {
                        throw new IllegalArgumentException("region index " + r + " of " + regions.length);
                    }
                    in.set(r);
                }
                priced.put(type, in);
            }
            // the blocks fill the rest exactly
            if (sums[3] > b.length - p) {
                throw new BufferUnderflowException(); // cut short
            }
            if (sums[3] < b.length - p) {
                throw new CatalogException(name + " has " + (b.length - p - sums[3]) + " bytes after the catalog");
            }
            for (int r = 0; r < regions.length; r++) {
                directory[r * 5 + 3] = p;
                p += directory[r * 5 + 4];
            }
            CatalogDocument head = new CatalogDocument(formatVersion, id, asOf, description, sources, accelerators, types, List.of(), List.of(),
                    limits, List.of(), ebs);
            return new Image(b, name, table, head, totals, regions, directory, priced);
        }

        private InstanceType instanceType() {
            String tName = str();
            String family = str();
            String arch = str();
            int vcpus = getInt();
            double memory = num();
            InstanceType.Accelerators acc = get() != 0 ? new InstanceType.Accelerators(str(), getInt(), num()) : null;
            InstanceType.Ebs ebs = get() != 0 ? new InstanceType.Ebs(num(), num(), num(), num()) : null;
            return new InstanceType(tName, family, arch, vcpus, memory, acc, ebs, num(), getInt(), get() != 0, str());
        }

        /** Region {@code r}'s block, from its offset: price, spot and service-price rows. */
        Rows block(String name, String region, int[] directory, int r) {
            int end = p + directory[r * 5 + 4];
            Rows rows = new Rows(directory[r * 5], directory[r * 5 + 1], directory[r * 5 + 2]);
            PricingModel[] models = PricingModel.values();
            // one call per row: compiled by the JIT after a few hundred rows, where a long loop body
            // would run interpreted for most of them (docs/performance.md)
            for (int i = 0; i < rows.pricePositions.length; i++) {
                rows.pricePositions[i] = getInt();
                rows.prices.add(price(region, models));
            }
            for (int i = 0; i < rows.spotPositions.length; i++) {
                rows.spotPositions[i] = getInt();
                rows.spot.add(spotInfo(region));
            }
            for (int i = 0; i < rows.servicePositions.length; i++) {
                rows.servicePositions[i] = getInt();
                rows.services.add(new ServicePrice(str(), region, num(), str(), str()));
            }
            if (p != end) {
                throw new CatalogException(name + " is not a readable binary catalog: region " + region + "'s rows end at byte " + p
                        + ", its block at " + end);
            }
            return rows;
        }

        private Price price(String region, PricingModel[] models) {
            String type = str();
            int model = getInt();
            return new Price(region, type, model < 0 ? null : models[model], num(), num(), str());
        }

        private SpotInfo spotInfo(String region) {
            String type = str();
            Double avg = get() != 0 ? num() : null;
            Double min = get() != 0 ? num() : null;
            String bucket = str();
            Integer savings = get() != 0 ? getInt() : null;
            return new SpotInfo(region, type, avg, min, bucket, savings, str(), str());
        }

        private String str() {
            return table[getInt()];
        }

        private double num() {
            return Double.longBitsToDouble(getLong());
        }

        /** A count of table or list entries: each takes at least one byte, so no more than the bytes left. */
        private int count() {
            int n = getInt();
            if (n < 0 || n > b.length - p) {
                throw new IllegalArgumentException("a count of " + n + " entries with " + (b.length - p) + " bytes left");
            }
            return n;
        }

        private void need(int n) {
            if (n < 0 || p + n > b.length) {
                throw new BufferUnderflowException();
            }
        }

        private byte get() {
            need(1);
            return b[p++];
        }

        private int getInt() {
            need(4);
            int v = (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            p += 4;
            return v;
        }

        private long getLong() {
            long hi = getInt();
            return (hi << 32) | (getInt() & 0xffffffffL);
        }
    }
}
