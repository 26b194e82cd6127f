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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of a {@link CatalogDocument}, made by the build from the embedded catalog's
 * JSON ({@code dev.mlplan.build.EmbeddedCatalogBinary}) so that a start-up reads 1–2 MB of numbers
 * instead of inflating and parsing 7.7 MB of JSON (docs/performance.md). The JSON stays the catalog's
 * format: it is what the builder writes, what is committed and reviewed, what {@code catalog refresh}
 * writes and what {@code --catalog} reads. The binary holds exactly the same document (tested: reading
 * it gives a document equal to reading the JSON).
 *
 * <p>Layout, big-endian: the magic {@code MLPLANCB}, this codec's version, the byte length of the
 * JSON it was made from (so that a loader can tell a binary left over from an older JSON), a string table (each
 * distinct string once, in first-use order, as a length and UTF-8 bytes), then the document's fields in
 * record order; a string is its table index + 1 (0 for null), a nullable number a presence byte then
 * the number, a list its length then its elements.
 */
public final class CatalogBinary {
    static final byte[] MAGIC = "MLPLANCB".getBytes(StandardCharsets.US_ASCII);

    /** Bumped whenever the layout or a catalog record changes. */
    static final int CODEC_VERSION = 1;

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

    private static final class Writer {
        private final Map<String, Integer> table = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
        private final DataOutputStream out = new DataOutputStream(body);

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
                out.writeInt(d.prices().size());
                for (Price p : d.prices()) {
                    str(p.region());
                    str(p.instanceType());
                    out.writeInt(p.pricing() == null ? -1 : p.pricing().ordinal());
                    nums(p.usdPerHour(), p.upfrontUsd());
                    str(p.source());
                }
                out.writeInt(d.spot().size());
                for (SpotInfo s : d.spot()) {
                    str(s.region());
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
                out.writeInt(d.limits().size());
                for (Limit l : d.limits()) {
                    str(l.id());
                    out.writeDouble(l.value());
                    str(l.unit());
                    str(l.description());
                    str(l.source());
                }
                out.writeInt(d.servicePrices().size());
                for (ServicePrice s : d.servicePrices()) {
                    str(s.id());
                    str(s.region());
                    out.writeDouble(s.usd());
                    str(s.unit());
                    str(s.source());
                }
                out.writeInt(d.ebsVolumeTypes().size());
                for (EbsVolumeType e : d.ebsVolumeTypes()) {
                    str(e.name());
                    nums(e.minGiB(), e.maxGiB(), e.maxIops(), e.maxMiBps(), e.includedIops(), e.includedMiBps(), e.iopsPerGiB());
                    out.writeInt(e.multiAttachMax());
                    str(e.source());
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
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
     * Reads a document written by {@link #write}.
     *
     * <p>Arguments of the record constructors are evaluated left to right (JLS 15.12.4.2), which is
     * the order the fields were written in.
     *
     * @throws CatalogException when the bytes are not this codec's output (wrong magic or version,
     *     truncated, an index out of range)
     */
    public static CatalogDocument read(byte[] bytes, String name) {
        try {
            return new Reader(bytes).document(name);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CatalogException(name + " is not a readable binary catalog: " + e, e);
        }
    }

    /**
     * Reads big-endian numbers straight from the array: a ByteBuffer's accessors go through several
     * calls each, which in a cold JVM made them a fifth of the catalog's reading time
     * (docs/performance.md). Reading past the end throws {@link BufferUnderflowException}, as a
     * ByteBuffer would.
     */
    private static final class Reader {
        private final byte[] b;
        private int p;
        private String[] table;

        Reader(byte[] bytes) {
            this.b = bytes;
        }

        CatalogDocument document(String name) {
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
                String tName = str();
                String family = str();
                String arch = str();
                int vcpus = getInt();
                double memory = num();
                InstanceType.Accelerators acc = get() != 0 ? new InstanceType.Accelerators(str(), getInt(), num()) : null;
                InstanceType.Ebs ebs = get() != 0 ? new InstanceType.Ebs(num(), num(), num(), num()) : null;
                types.add(new InstanceType(tName, family, arch, vcpus, memory, acc, ebs, num(), getInt(), get() != 0, str()));
            }
            n = count();
            PricingModel[] models = PricingModel.values();
            List<Price> prices = new ArrayList<>(n);
            // one call per row: compiled by the JIT after a few hundred rows, where a long loop body
            // would run interpreted for most of the 45,000 (docs/performance.md)
            for (int i = 0; i < n; i++) {
                prices.add(price(models));
            }
            n = count();
            List<SpotInfo> spot = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                spot.add(spotInfo());
            }
            n = count();
            List<Limit> limits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                limits.add(new Limit(str(), num(), str(), str(), str()));
            }
            n = count();
            List<ServicePrice> servicePrices = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                servicePrices.add(new ServicePrice(str(), str(), num(), str(), str()));
            }
            n = count();
            List<EbsVolumeType> ebs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ebs.add(new EbsVolumeType(str(), num(), num(), num(), num(), num(), num(), num(), getInt(), str()));
            }
            if (p < b.length) {
                throw new CatalogException(name + " has " + (b.length - p) + " bytes after the catalog");
            }
            return new CatalogDocument(formatVersion, id, asOf, description, sources, accelerators, types, prices, spot, limits, servicePrices, ebs);
        }

        private Price price(PricingModel[] models) {
            String region = str();
            String type = str();
            int model = getInt();
            return new Price(region, type, model < 0 ? null : models[model], num(), num(), str());
        }

        private SpotInfo spotInfo() {
            String region = str();
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
