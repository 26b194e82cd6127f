package dev.mlplan.catalog.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The faults of issue 19's fault-injecting AWS stub, on top of {@link AwsStub} (WireMock on 127.0.0.1
 * speaking JSON 1.1 for the Price List and Query/XML for EC2): answers AWS would never give, or gives
 * only on a bad day. Each method returns a WireMock answer or request matcher; the tests in
 * {@code FaultInjectionTest} put them together.
 */
final class FaultStub {
    private FaultStub() {}

    /** Any Price List request. */
    static MappingBuilder anyGetProducts() {
        return AwsStub.getProducts();
    }

    /** Any request at all. */
    static MappingBuilder anything() {
        return post(anyUrl());
    }

    static ResponseDefinitionBuilder pricingError(int status, String type, String message) {
        return AwsStub.json(status, "{\"__type\":\"" + type + "\",\"message\":" + jsonString(message) + "}");
    }

    static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return AwsStub.xml(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + code
                + "</Code><Message>" + xmlText(message) + "</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
    }

    static ResponseDefinitionBuilder fault(Fault fault) {
        return aResponse().withFault(fault);
    }

    /** A page of Price List items with a next-page token (null: the last page). */
    static ResponseDefinitionBuilder pricePage(String nextToken, List<String> items) {
        return AwsStub.json(200, AwsStub.priceListPage(nextToken, items));
    }

    /** The Price List item {@code name} with its first {@code "USD": "from"} replaced by {@code to} (as text). */
    static String itemWithPrice(String name, String from, String to) {
        String item = AwsStub.items(name).get(0);
        String needle = "\"USD\":\"" + from + "\"";
        if (!item.contains(needle)) {
            throw new IllegalArgumentException(name + " has no price " + from);
        }
        return item.replace(needle, "\"USD\":\"" + to + "\"");
    }

    /** A DescribeInstanceTypes page. */
    static ResponseDefinitionBuilder instanceTypesPage(String nextToken, String... itemsXml) {
        return AwsStub.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstanceTypesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b</requestId><instanceTypeSet>" + String.join("", itemsXml)
                + "</instanceTypeSet>" + (nextToken == null ? "<nextToken/>" : "<nextToken>" + nextToken + "</nextToken>")
                + "</DescribeInstanceTypesResponse>");
    }

    /** One DescribeInstanceTypes item with a GPU entry (count 0 and a partition for a fractional GPU, as EC2 lists g6f). */
    static String gpuType(String name, int vcpus, int memoryMiB, String gpu, int count, int gpuMemoryMiB, Double partition) {
        return "<item><instanceType>" + name + "</instanceType><currentGeneration>true</currentGeneration>"
                + "<processorInfo><supportedArchitectures><item>x86_64</item></supportedArchitectures></processorInfo>"
                + "<vCpuInfo><defaultVCpus>" + vcpus + "</defaultVCpus></vCpuInfo><memoryInfo><sizeInMiB>" + memoryMiB
                + "</sizeInMiB></memoryInfo><networkInfo><networkPerformance>Up to 10 Gigabit</networkPerformance></networkInfo>"
                + "<gpuInfo><gpus><item><name>" + gpu + "</name><manufacturer>NVIDIA</manufacturer><count>" + count + "</count>"
                + (partition == null ? "" : "<gpuPartitionSize>" + partition + "</gpuPartitionSize><logicalGpuCount>1</logicalGpuCount>")
                + "<memoryInfo><sizeInMiB>" + gpuMemoryMiB + "</sizeInMiB></memoryInfo></item></gpus>"
                + "<totalGpuMemoryInMiB>" + gpuMemoryMiB + "</totalGpuMemoryInMiB></gpuInfo></item>";
    }

    /** A DescribeSpotPriceHistory page, one record per {@code type=price} pair, in us-east-1a. */
    static ResponseDefinitionBuilder spotPage(String nextToken, String... typeEqualsPrice) {
        StringBuilder sb = new StringBuilder();
        for (String tp : typeEqualsPrice) {
            String[] kv = tp.split("=");
            sb.append("<item><instanceType>").append(kv[0]).append("</instanceType><productDescription>Linux/UNIX</productDescription><spotPrice>")
                    .append(kv[1]).append("</spotPrice><timestamp>2026-11-21T09:14:07.000Z</timestamp><availabilityZone>us-east-1a</availabilityZone></item>");
        }
        return AwsStub.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeSpotPriceHistoryResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>2f1e0d9c</requestId><spotPriceHistorySet>" + sb + "</spotPriceHistorySet>"
                + (nextToken == null ? "<nextToken/>" : "<nextToken>" + nextToken + "</nextToken>") + "</DescribeSpotPriceHistoryResponse>");
    }

    /** A Price List page whose one item is {@code n} bytes long, gzipped: a small body that unpacks to a large one. */
    static byte[] gzipBomb(int n) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"FormatVersion\":\"aws_v1\",\"PriceList\":[\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int left = n; left > 0; left -= chunk.length) {
                gz.write(chunk, 0, Math.min(left, chunk.length));
            }
            gz.write("\"]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code value} in the encodings a careless server could echo it in. */
    static List<String> encodings(String value) {
        StringBuilder url = new StringBuilder();
        StringBuilder urlLower = new StringBuilder();
        StringBuilder unicode = new StringBuilder();
        for (char c : value.toCharArray()) {
            boolean plain = Character.isLetterOrDigit(c);
            url.append(plain ? String.valueOf(c) : String.format(Locale.ROOT, "%%%02X", (int) c));
            urlLower.append(plain ? String.valueOf(c) : String.format(Locale.ROOT, "%%%02x", (int) c));
            unicode.append(plain ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return List.of(value, url.toString(), urlLower.toString(), url.toString().replace("%", "%25"),
                value.replace("/", "\\/"), unicode.toString(),
                java.util.Base64.getEncoder().withoutPadding().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
