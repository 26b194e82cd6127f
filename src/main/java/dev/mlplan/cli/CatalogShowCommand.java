package dev.mlplan.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.Source;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Suggestions;
import dev.mlplan.util.Tables;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** mlplan catalog show TYPE: one instance type with its specs and every price, with sources. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Shows one instance type: specs, accelerators, EBS caps and every price with its source and date.",
        footer = {"", "Examples:", "  mlplan catalog show p4d.24xlarge", "  mlplan catalog show trn1.32xlarge --region us-east-1 --format json"})
final class CatalogShowCommand implements Runnable {
    @ParentCommand
    CatalogCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TYPE", completionCandidates = Candidates.InstanceTypes.class, description = "Instance type, e.g. p4d.24xlarge.")
    String type;

    @Mixin
    TextFormatOption format;

    @Option(names = "--region", paramLabel = "REGION", completionCandidates = Candidates.Regions.class, description = "Only prices in this region.")
    String region;

    @Mixin
    CatalogOption catalogOption;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"instanceType", "family", "vcpus", "memoryGiB", "accelerator", "ebs", "networkGbps", "efaInterfaces", "currentGeneration", "prices"})
    record Shown(String instanceType, String family, int vcpus, double memoryGiB, Acc accelerator, Ebs ebs, double networkGbps, int efaInterfaces,
            boolean currentGeneration, List<ShownPrice> prices) {}

    record Acc(String name, String kind, int count, double memoryGiB) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ebs(Double baselineIops, Double maxIops, Double baselineMbps, Double maxMbps) {}

    @JsonPropertyOrder({"region", "pricing", "usdPerHour", "source", "asOf"})
    record ShownPrice(String region, String pricing, double usdPerHour, String source, String asOf) {}

    @Override
    public void run() {
        Catalog catalog = catalogOption.load(parent.env());
        InstanceType it = catalog.instanceType(type).orElseThrow(() -> new ExitException(ExitCode.USAGE,
                "instance type '" + type + "' is not in catalog " + catalog.id() + didYouMean(catalog)));
        List<ShownPrice> prices = catalog.prices(type).stream()
                .filter(p -> region == null || p.region().equals(region))
                .sorted(Comparator.comparing(Price::region).thenComparing(p -> p.pricing().ordinal()))
                .map(p -> new ShownPrice(p.region(), p.pricing().id(), p.usdPerHour(), p.source(),
                        catalog.source(p.source()).map(Source::asOf).orElse(null)))
                .toList();
        Acc acc = it.hasAccelerator() ? new Acc(it.accelerators().name(),
                catalog.accelerator(it.accelerators().name()).map(Accelerator::kind).orElse(null), it.accelerators().count(), it.accelerators().memoryGiB()) : null;
        Ebs ebs = it.ebs() == null ? null : new Ebs(nz(it.ebs().baselineIops()), nz(it.ebs().maxIops()), nz(it.ebs().baselineMbps()), nz(it.ebs().maxMbps()));
        Shown shown = new Shown(it.name(), it.family(), it.vcpus(), it.memoryGiB(), acc, ebs, it.networkGbps(), it.efaInterfaces(), it.currentGeneration(), prices);
        String text = format.json() ? JacksonText.json(shown) : table(shown, catalog);
        spec.commandLine().getOut().print(dev.mlplan.util.SafeText.of(text));
        spec.commandLine().getOut().flush();
    }

    private static Double nz(double v) {
        return v > 0 ? v : null;
    }

    private String didYouMean(Catalog catalog) {
        return Suggestions.suffix(type, catalog.instanceTypes().stream().map(InstanceType::name).toList());
    }

    private static String table(Shown s, Catalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.instanceType()).append(" (").append(s.family()).append(s.currentGeneration() ? "" : ", previous generation").append(")\n");
        sb.append("  ").append(s.vcpus()).append(" vCPUs, ").append(Fmt.sig(s.memoryGiB())).append(" GiB memory, ")
                .append(Fmt.sig(s.networkGbps())).append(" Gbps network").append(s.efaInterfaces() > 0 ? ", EFA ×" + s.efaInterfaces() : "").append('\n');
        if (s.accelerator() != null) {
            sb.append("  ").append(s.accelerator().count()).append(" × ").append(s.accelerator().name()).append(" (").append(s.accelerator().kind())
                    .append("), ").append(Fmt.sig(s.accelerator().memoryGiB())).append(" GiB accelerator memory in all\n");
        }
        if (s.ebs() != null) {
            sb.append("  EBS: ").append(s.ebs().maxMbps() == null ? "?" : Fmt.count(s.ebs().maxMbps())).append(" Mbps, ")
                    .append(s.ebs().maxIops() == null ? "? (unknown)" : Fmt.count(s.ebs().maxIops())).append(" IOPS at most\n");
        }
        if (s.prices().stream().noneMatch(p -> p.pricing().equals("on-demand"))) {
            sb.append("  not purchasable on demand (no on-demand price in the catalog)\n");
        }
        if (s.prices().isEmpty()) {
            return sb.toString();
        }
        String[][] rows = s.prices().stream()
                .map(p -> new String[] {p.region(), p.pricing(), Fmt.num(p.usdPerHour(), 4),
                    p.source() + catalog.source(p.source()).filter(Source::estimated).map(x -> " (estimated)").orElse(""), p.asOf()})
                .toArray(String[][]::new);
        sb.append(Tables.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, new Column[] {
            new Column().header("region"), new Column().header("pricing"),
            new Column().header("USD/hour").dataAlign(HorizontalAlign.RIGHT), new Column().header("source"), new Column().header("as of")}, rows));
        return sb.append('\n').toString();
    }
}
