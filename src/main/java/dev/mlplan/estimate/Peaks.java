package dev.mlplan.estimate;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.workload.Workload.Precision;

/**
 * Dense peak of an accelerator at a precision, with the rule that chose it. The rule's text is made
 * only when asked for ({@link #rule()}): the planner takes a peak for every instance type and node
 * count, and shows the reasoning for a few.
 */
record Peaks(double tflops, Accelerator acc, Precision precision, boolean training) {

    /** Peak for training: low-bit weights (QLoRA, int8) still compute in bf16. */
    static Peaks training(Accelerator acc, Precision precision) {
        return new Peaks(select(acc, precision, true, null), acc, precision, true);
    }

    /** Peak for inference: int8 uses the INT8 peak when the chip has one. */
    static Peaks inference(Accelerator acc, Precision precision) {
        return new Peaks(select(acc, precision, false, null), acc, precision, false);
    }

    /** Why this peak: "bf16 → BF16 peak 989 TFLOPS". */
    String rule() {
        StringBuilder why = new StringBuilder();
        select(acc, precision, training, why);
        return why.toString();
    }

    /** The peak in TFLOPS (or TOPS); the reason appended to {@code why} when it is not null. */
    private static double select(Accelerator acc, Precision precision, boolean training, StringBuilder why) {
        if (training) {
            return switch (precision) {
                case INT8, INT4 -> bf16(acc, precision.yamlName() + " weights compute in bf16: ", why);
                default -> common(acc, precision, why);
            };
        }
        return switch (precision) {
            case INT8 -> acc.int8Tops() > 0
                    ? said(acc.int8Tops(), why, "int8 → INT8 peak ", acc.int8Tops(), " TOPS")
                    : bf16(acc, "int8 weights, no INT8 peak known → ", why);
            case INT4 -> bf16(acc, "int4 weights (weight-only quantisation) compute in bf16: ", why);
            default -> common(acc, precision, why);
        };
    }

    private static double common(Accelerator acc, Precision precision, StringBuilder why) {
        return switch (precision) {
            case FP32 -> acc.fp32Tflops() > 0
                    ? said(acc.fp32Tflops(), why, "fp32 → FP32 peak ", acc.fp32Tflops(), " TFLOPS")
                    : said(acc.bf16Tflops() / 2, why, "fp32, no FP32 figure → BF16 peak / 2 = ", acc.bf16Tflops() / 2, " TFLOPS");
            case TF32 -> said(acc.bf16Tflops() / 2, why, "tf32 → BF16 peak / 2 = ", acc.bf16Tflops() / 2, " TFLOPS (no TF32 figure in the catalog)");
            case FP8 -> acc.fp8Tflops() > 0
                    ? said(acc.fp8Tflops(), why, "fp8 → FP8 peak ", acc.fp8Tflops(), " TFLOPS")
                    : bf16(acc, "fp8 unsupported → ", why);
            default -> bf16(acc, precision.yamlName() + " → ", why);
        };
    }

    private static double bf16(Accelerator acc, String prefix, StringBuilder why) {
        if (acc.bf16Tflops() > 0) {
            return said(acc.bf16Tflops(), why, prefix + "BF16 peak ", acc.bf16Tflops(), " TFLOPS");
        }
        return said(acc.fp32Tflops(), why, prefix + "no BF16 figure → FP32 peak ", acc.fp32Tflops(), " TFLOPS");
    }

    /** The peak, with "text figure unit" appended to {@code why} when there is one. */
    private static double said(double peak, StringBuilder why, String text, double figure, String unit) {
        if (why != null) {
            why.append(text).append(Fmt.plain(figure)).append(unit);
        }
        return peak;
    }

    double flopsPerSecond() {
        return tflops * 1e12;
    }
}
