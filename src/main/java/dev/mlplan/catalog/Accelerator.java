package dev.mlplan.catalog;

/**
 * One accelerator chip (GPU, Trainium, Inferentia) with dense peak figures (no sparsity).
 *
 * @param name catalog key, e.g. "A100-80GB", "H100", "Trainium1", "RTX-4090"
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
        String source) {}
