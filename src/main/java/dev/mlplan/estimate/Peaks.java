package dev.mlplan.estimate;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.workload.Workload.Precision;

/** Dense peak of an accelerator at a precision, with the rule that chose it. */
record Peaks(double tflops, String rule) {

    /** Peak for training: low-bit weights (QLoRA, int8) still compute in bf16. */
    static Peaks training(Accelerator acc, Precision precision) {
        return switch (precision) {
            case INT8, INT4 -> bf16(acc, precision.yamlName() + " weights compute in bf16: ");
            default -> common(acc, precision);
        };
    }

    /** Peak for inference: int8 uses the INT8 peak when the chip has one. */
    static Peaks inference(Accelerator acc, Precision precision) {
        return switch (precision) {
            case INT8 -> acc.int8Tops() > 0
                    ? new Peaks(acc.int8Tops(), "int8 → INT8 peak " + Fmt.plain(acc.int8Tops()) + " TOPS")
                    : bf16(acc, "int8 weights, no INT8 peak known → ");
            case INT4 -> bf16(acc, "int4 weights (weight-only quantisation) compute in bf16: ");
            default -> common(acc, precision);
        };
    }

    private static Peaks common(Accelerator acc, Precision precision) {
        return switch (precision) {
            case FP32 -> acc.fp32Tflops() > 0
                    ? new Peaks(acc.fp32Tflops(), "fp32 → FP32 peak " + Fmt.plain(acc.fp32Tflops()) + " TFLOPS")
                    : new Peaks(acc.bf16Tflops() / 2, "fp32, no FP32 figure → BF16 peak / 2 = " + Fmt.plain(acc.bf16Tflops() / 2) + " TFLOPS");
            case TF32 -> new Peaks(acc.bf16Tflops() / 2, "tf32 → BF16 peak / 2 = " + Fmt.plain(acc.bf16Tflops() / 2) + " TFLOPS (no TF32 figure in the catalog)");
            case FP8 -> acc.fp8Tflops() > 0
                    ? new Peaks(acc.fp8Tflops(), "fp8 → FP8 peak " + Fmt.plain(acc.fp8Tflops()) + " TFLOPS")
                    : bf16(acc, "fp8 unsupported → ");
            default -> bf16(acc, precision.yamlName() + " → ");
        };
    }

    private static Peaks bf16(Accelerator acc, String why) {
        if (acc.bf16Tflops() > 0) {
            return new Peaks(acc.bf16Tflops(), why + "BF16 peak " + Fmt.plain(acc.bf16Tflops()) + " TFLOPS");
        }
        return new Peaks(acc.fp32Tflops(), why + "no BF16 figure → FP32 peak " + Fmt.plain(acc.fp32Tflops()) + " TFLOPS");
    }

    double flopsPerSecond() {
        return tflops * 1e12;
    }
}
