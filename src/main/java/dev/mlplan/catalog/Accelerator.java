package dev.mlplan.catalog;

import java.util.Collection;
import java.util.Optional;

/**
 * One accelerator chip (GPU, Trainium, Inferentia) with dense peak figures (no sparsity).
 *
 * @param name catalog key, e.g. "A100-80GB", "H100", "Trainium1", "RTX-4090"; a fraction of a chip is
 *     named after the chip and the fraction, "L4-1/8" ({@link #fractional()})
 * @param kind gpu | trainium | inferentia
 * @param memoryGiB memory per chip
 * @param bandwidthGBs memory bandwidth per chip, GB/s
 * @param fp32Tflops dense FP32 (non-tensor unless stated)
 * @param bf16Tflops dense BF16/FP16 tensor peak
 * @param fp8Tflops dense FP8 peak, 0 when unsupported
 * @param int8Tops dense INT8 peak, 0 when unknown
 * @param defaultMfu training model-FLOPs utilisation mlplan assumes unless told otherwise
 * @param defaultMbu decode memory-bandwidth utilisation mlplan assumes unless told otherwise
 * @param tdpWatts board power, for local machines (0 when not relevant)
 * @param source source id of these figures
 */
public record Accelerator(
        String name,
        String kind,
        double memoryGiB,
        double bandwidthGBs,
        double fp32Tflops,
        double bf16Tflops,
        double fp8Tflops,
        double int8Tops,
        double defaultMfu,
        double defaultMbu,
        double tdpWatts,
        String source) {

    /** What names a fraction of a chip: "L4-1/8" is one eighth of an L4. */
    private static final String FRACTION = "-1/";

    /**
     * Whether this is a fraction of a chip (EC2 g6f and gr6f: 1/8, 1/4 or 1/2 of an NVIDIA L4 through
     * NVIDIA vGPU, {@code GpuDeviceInfo.gpuPartitionSize} below 1). A fraction serves one model replica;
     * it is not offered for training.
     */
    public boolean fractional() {
        return name.contains(FRACTION);
    }

    /**
     * The fraction of {@code chip} in {@code table} whose memory is {@code memoryMiB}: for an instance type
     * EC2's DescribeInstanceTypes reports with a GPU count of 0 and the fraction's memory (g6f.large:
     * L4, 2,861 MiB, an eighth of the L4's 22,888 MiB).
     */
    public static Optional<Accelerator> fractionOf(String chip, double memoryMiB, Collection<Accelerator> table) {
        for (Accelerator a : table) {
            if (a.name().startsWith(chip + FRACTION) && Math.abs(a.memoryGiB() * 1024 - memoryMiB) < 0.5) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
