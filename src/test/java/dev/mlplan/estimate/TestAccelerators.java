package dev.mlplan.estimate;

import dev.mlplan.catalog.Accelerator;

/**
 * Accelerators built from the table of docs/estimation.md (dense figures, no sparsity). Memory is per chip
 * in GiB; where EC2 reports less than the marketing figure (A10G: 22,888 MiB), the EC2 figure is
 * used. Default MFU / MBU follow docs/estimation.md: training MFU 0.40 on A100/H100-class, 0.25 on
 * Trainium1, lower on older or smaller parts; decode MBU 0.5 (tuned serving stacks).
 */
final class TestAccelerators {
    private TestAccelerators() {}

    private static Accelerator gpu(String name, double memGiB, double bwGBs, double fp32, double bf16, double fp8, double mfu, double tdp) {
        return new Accelerator(name, "gpu", memGiB, bwGBs, fp32, bf16, fp8, 0, mfu, 0.5, tdp, "docs/estimation.md");
    }

    static final Accelerator V100 = gpu("V100", 16, 900, 15.7, 125, 0, 0.35, 0);
    static final Accelerator T4 = gpu("T4", 16, 320, 8.1, 65, 0, 0.30, 0);
    /** NVIDIA publishes no A10G figure; ≈70 TFLOPS bf16 measured; EC2 reports 22,888 MiB. */
    static final Accelerator A10G = gpu("A10G", 22888.0 / 1024, 600, 0, 70, 0, 0.35, 0);
    /** A10 (not A10G): 125 TFLOPS bf16, 24 GB, 600 GB/s (Databricks and llm.c ran on A10). */
    static final Accelerator A10 = gpu("A10", 24, 600, 31.2, 125, 0, 0.40, 150);
    static final Accelerator L4 = gpu("L4", 24, 300, 30.3, 121, 242, 0.35, 72);
    static final Accelerator L40S = gpu("L40S", 45776.0 / 1024, 864, 91.6, 362, 733, 0.40, 350);
    static final Accelerator A100_40 = gpu("A100-40GB", 40, 1555, 19.5, 312, 0, 0.40, 400);
    static final Accelerator A100_80 = gpu("A100-80GB", 80, 2039, 19.5, 312, 0, 0.40, 400);
    static final Accelerator H100 = gpu("H100", 80, 3350, 67, 989, 1979, 0.40, 700);
    static final Accelerator H200 = gpu("H200", 141, 4800, 67, 989, 1979, 0.40, 700);
    static final Accelerator B200 = gpu("B200", 180, 8000, 80, 2250, 4500, 0.40, 1000);
    static final Accelerator TRAINIUM1 = new Accelerator("Trainium1", "trainium", 32, 820, 47.5, 190, 0, 0, 0.25, 0.5, 0, "docs/estimation.md");
    static final Accelerator TRAINIUM2 = new Accelerator("Trainium2", "trainium", 96, 2900, 181, 667, 1299, 0, 0.30, 0.5, 0, "docs/estimation.md");
    static final Accelerator INFERENTIA2 = new Accelerator("Inferentia2", "inferentia", 32, 820, 47.5, 190, 0, 0, 0.25, 0.5, 0, "docs/estimation.md");
    static final Accelerator RTX_4090 = gpu("RTX-4090", 24, 1008, 82.6, 165, 0, 0.35, 450);
}
