package dev.mlplan.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.util.Fmt;
import dev.mlplan.util.Tables;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** mlplan catalog list: instance types, filtered, with their on-demand and spot price in one region. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists instance types with specs and their on-demand and spot prices in one region.",
        footer = {"", "Examples:", "  mlplan catalog list --accelerator H100", "  mlplan catalog list --family g6e --region eu-west-1",
            "  mlplan catalog list --accelerated --format csv"})
final class CatalogListCommand implements Runnable {
    enum Format { table, json, csv }

    @ParentCommand
    CatalogCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--family", paramLabel = "F", completionCandidates = Candidates.Families.class, description = "Only this family, e.g. p5, g6e, trn1.")
    String family;

    @Option(names = "--accelerator", paramLabel = "A", completionCandidates = Candidates.Accelerators.class, description = "Only types with this accelerator, e.g. H100, A10G, Trainium1 (case-insensitive).")
    String accelerator;

    @Option(names = "--accelerated", description = "Only types with GPUs or other accelerators.")
    boolean accelerated;

    @Option(names = "--region", defaultValue = "us-east-1", paramLabel = "R", completionCandidates = Candidates.Regions.class, description = "Region whose prices are shown (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    CatalogOption catalog;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"instanceType", "family", "vcpus", "memoryGiB", "accelerator", "acceleratorCount", "acceleratorMemoryGiB", "region",
        "onDemandUsdPerHour", "spotUsdPerHour", "spotInterruption"})
    record Row(String instanceType, String family, int vcpus, double memoryGiB, String accelerator, Integer acceleratorCount,
            Double acceleratorMemoryGiB, String region, Double onDemandUsdPerHour, Double spotUsdPerHour, String spotInterruption) {}

    @Override
    public void run() {
        Catalog c = catalog.load(parent.env());
        if (!c.regions().contains(region)) {
            throw new ExitException(ExitCode.USAGE, "region '" + region + "' is not in catalog " + c.id());
        }
        List<Row> rows = c.instanceTypes().stream()
                .filter(t -> family == null || t.family().equalsIgnoreCase(family))
                .filter(t -> !accelerated || t.hasAccelerator())
                .filter(t -> accelerator == null || (t.hasAccelerator() && t.accelerators().name().toLowerCase(Locale.ROOT).startsWith(accelerator.toLowerCase(Locale.ROOT))))
                .sorted(Comparator.comparing(InstanceType::family).thenComparingInt(InstanceType::vcpus).thenComparing(InstanceType::name))
                .map(t -> row(c, t))
                .toList();
        if (rows.isEmpty()) {
            throw new ExitException(ExitCode.USAGE, "no instance type in catalog " + c.id() + " matches the filters");
        }
        String text = switch (format) {
            case json -> JacksonText.json(rows);
            case csv -> JacksonText.csv(rows, Row.class);
            case table -> table(rows);
        };
        spec.commandLine().getOut().print(dev.mlplan.util.SafeText.of(text));
        spec.commandLine().getOut().flush();
    }

    private Row row(Catalog c, InstanceType t) {
        Double od = c.price(region, t.name(), PricingModel.ON_DEMAND).map(p -> p.usdPerHour()).orElse(null);
        Double spot = c.price(region, t.name(), PricingModel.SPOT).map(p -> p.usdPerHour()).orElse(null);
        String bucket = c.spot(region, t.name()).map(s -> s.interruptionBucket()).orElse(null);
        return new Row(t.name(), t.family(), t.vcpus(), t.memoryGiB(), t.hasAccelerator() ? t.accelerators().name() : null,
                t.hasAccelerator() ? t.accelerators().count() : null, t.hasAccelerator() ? t.accelerators().memoryGiB() : null, region, od, spot, bucket);
    }

    private static String table(List<Row> rows) {
        String[][] data = rows.stream().map(r -> new String[] {
            r.instanceType(), String.valueOf(r.vcpus()), Fmt.sig(r.memoryGiB()),
            r.accelerator() == null ? "" : r.acceleratorCount() + " × " + r.accelerator(),
            r.acceleratorMemoryGiB() == null ? "" : Fmt.sig(r.acceleratorMemoryGiB()),
            r.onDemandUsdPerHour() == null ? "n/a" : Fmt.num(r.onDemandUsdPerHour(), 4),
            r.spotUsdPerHour() == null ? "" : Fmt.num(r.spotUsdPerHour(), 4),
            r.spotInterruption() == null ? "" : r.spotInterruption()}).toArray(String[][]::new);
        return Tables.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, new Column[] {
            new Column().header("type"), new Column().header("vCPU").dataAlign(HorizontalAlign.RIGHT),
            new Column().header("GiB").dataAlign(HorizontalAlign.RIGHT), new Column().header("accelerators"),
            new Column().header("acc GiB").dataAlign(HorizontalAlign.RIGHT),
            new Column().header("on-demand $/h").dataAlign(HorizontalAlign.RIGHT), new Column().header("spot $/h").dataAlign(HorizontalAlign.RIGHT),
            new Column().header("spot interruptions")}, data) + "\n" + rows.size() + " types; prices in " + rows.get(0).region() + "\n";
    }
}
