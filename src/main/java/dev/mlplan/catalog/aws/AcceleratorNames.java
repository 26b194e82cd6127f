package dev.mlplan.catalog.aws;

import java.util.Locale;

/**
 * Maps what DescribeInstanceTypes reports ({@code gpuInfo.gpus[].name} with the memory per GPU,
 * {@code neuronInfo.neuronDevices[].name}) to mlplan's accelerator keys ({@code Accelerator.name}).
 *
 * <table>
 *   <caption>GPU names</caption>
 *   <tr><th>EC2 name</th><th>memory per GPU (MiB)</th><th>catalog key</th><th>e.g.</th></tr>
 *   <tr><td>A100</td><td>40960</td><td>A100-40GB</td><td>p4d</td></tr>
 *   <tr><td>A100</td><td>81920 (anything ≥ 60000)</td><td>A100-80GB</td><td>p4de</td></tr>
 *   <tr><td>V100</td><td>16384</td><td>V100</td><td>p3</td></tr>
 *   <tr><td>V100</td><td>32768 (anything ≥ 24000)</td><td>V100-32GB</td><td>p3dn</td></tr>
 *   <tr><td>H100, H200, B200, GB200</td><td>any</td><td>same</td><td>p5, p5e/p5en, p6-b200</td></tr>
 *   <tr><td>A10G</td><td>22888</td><td>A10G</td><td>g5</td></tr>
 *   <tr><td>L4, L40S, T4, T4g, K80, M60</td><td>any</td><td>L4, L40S, T4, T4G, K80, M60</td><td>g6, g6e, g4dn, g5g</td></tr>
 *   <tr><td>Radeon Pro V520</td><td>any</td><td>V520</td><td>g4ad</td></tr>
 *   <tr><td>anything else</td><td>any</td><td>the name upper-cased, blanks as '-'</td><td></td></tr>
 * </table>
 *
 * <table>
 *   <caption>Neuron device names</caption>
 *   <tr><th>EC2 name</th><th>catalog key</th></tr>
 *   <tr><td>Inferentia</td><td>Inferentia1</td></tr>
 *   <tr><td>Inferentia2</td><td>Inferentia2</td></tr>
 *   <tr><td>Trainium</td><td>Trainium1</td></tr>
 *   <tr><td>Trainium2</td><td>Trainium2</td></tr>
 *   <tr><td>anything else</td><td>unchanged</td></tr>
 * </table>
 *
 * A key the catalog has no {@code Accelerator} for is reported by the merge, which keeps the
 * previous key of an existing type in that case.
 */
final class AcceleratorNames {
    private AcceleratorNames() {}

    static String gpu(String ec2Name, int memoryMiBPerGpu) {
        String n = ec2Name == null ? "" : ec2Name.trim();
        return switch (n.toUpperCase(Locale.ROOT)) {
            case "A100" -> memoryMiBPerGpu >= 60_000 ? "A100-80GB" : "A100-40GB";
            case "V100" -> memoryMiBPerGpu >= 24_000 ? "V100-32GB" : "V100";
            case "RADEON PRO V520" -> "V520";
            default -> n.toUpperCase(Locale.ROOT).replaceAll("\\s+", "-");
        };
    }

    static String neuron(String ec2Name) {
        String n = ec2Name == null ? "" : ec2Name.trim();
        return switch (n) {
            case "Inferentia" -> "Inferentia1";
            case "Trainium" -> "Trainium1";
            default -> n;
        };
    }
}
