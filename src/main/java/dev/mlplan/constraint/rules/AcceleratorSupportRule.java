package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.workload.Workload;
import java.util.Map;
import java.util.Optional;

/**
 * {@code instance.accelerator-support}: some accelerators in EC2's catalogue are graphics parts that
 * current ML frameworks do not run on. mlplan rules them out rather than rank them on paper FLOPs:
 * <ul>
 *   <li>K80 (p2) and K520 (g2): CUDA compute capability 3.7 and 3.0; PyTorch's CUDA 12 builds need
 *       5.0 or newer (PyTorch release notes: Kepler support dropped);</li>
 *   <li>Radeon Pro V520 (g4ad): an AMD graphics GPU that ROCm, and so PyTorch for AMD, does not
 *       list as supported;</li>
 *   <li>QLoRA on anything but an NVIDIA GPU: its 4-bit NF4 kernels come from bitsandbytes, which
 *       runs on CUDA; the Neuron SDK (Trainium, Inferentia) has no such kernels.</li>
 *   <li>boosted trees and linear models (architecture tree or linear) on Trainium or Inferentia:
 *       XGBoost, LightGBM and scikit-learn have no Neuron backend (XGBoost runs on CPUs and on CUDA
 *       GPUs, {@code device=cuda}: XGBoost GPU docs);</li>
 *   <li>linear models on a GPU: mlplan costs them as scikit-learn's SGD, which runs on CPUs only;</li>
 *   <li>token generation (LLMs, Whisper) and diffusion models on Inferentia1 (inf1): its NeuronCore-v1
 *       runs torch-neuron, which AWS now calls legacy inference for CNNs and encoders; LLM serving (vLLM
 *       with NxD Inference) and diffusion transformers run on Inf2, Trn1 and Trn2 only (AWS Neuron, "AI
 *       Inference on Neuron" and "Install AWS Neuron SDK": Inf1 "Legacy inference").</li>
 * </ul>
 */
public final class AcceleratorSupportRule implements Rule {
    public static final String ID = "instance.accelerator-support";

    static final Map<String, String> UNSUPPORTED = Map.of(
            "K80", "CUDA compute capability 3.7; current PyTorch (CUDA 12) needs 5.0 or newer",
            "K520", "CUDA compute capability 3.0; current PyTorch (CUDA 12) needs 5.0 or newer",
            "Radeon-Pro-V520", "an AMD graphics GPU that ROCm does not support, so PyTorch cannot use it");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        var type = f.candidate().instanceType();
        if (type == null || !type.hasAccelerator()) {
            return Optional.empty();
        }
        String why = UNSUPPORTED.get(type.accelerators().name());
        if (why != null) {
            return violation(type.accelerators().name() + " (" + type.family() + "): " + why);
        }
        var requirements = f.trainingRequirements();
        var accelerator = f.catalog().accelerator(type.accelerators().name());
        boolean gpu = accelerator.isPresent() && "gpu".equals(accelerator.get().kind());
        var tabular = requirements.flatMap(r -> r.tabular());
        if (tabular.isPresent() && !gpu) {
            return violation(tabular.get().modelName() + " on " + type.accelerators().name() + " (" + type.family()
                    + "): XGBoost, LightGBM and scikit-learn have no Neuron backend; they run on CPUs and, XGBoost, on CUDA GPUs");
        }
        if (tabular.isPresent() && !tabular.get().trees()) {
            return violation("linear model on " + type.accelerators().name() + " (" + type.family()
                    + "): mlplan costs linear models as scikit-learn's SGD, which runs on CPUs only");
        }
        boolean inferentia1 = "Inferentia1".equals(type.accelerators().name());
        var serving = f.inferenceRequirements();
        if (inferentia1 && serving.isPresent() && (serving.get().llm() || ModelPresets.isDiffusion(serving.get().model().name()))) {
            return violation((serving.get().llm() ? "token generation" : "a diffusion model") + " on Inferentia1 (" + type.family()
                    + "): inf1's torch-neuron runs CNNs and encoders only; LLMs and diffusion models need Inferentia2 or Trainium (Neuron: NxD Inference)");
        }
        boolean qlora = requirements.isPresent() && requirements.get().method() == Workload.Method.QLORA;
        if (qlora && !gpu) {
            return violation("QLoRA's 4-bit kernels (bitsandbytes) need an NVIDIA GPU; " + type.accelerators().name() + " (" + type.family()
                    + ") runs the Neuron SDK, which has none (use method: lora)");
        }
        return Optional.empty();
    }
}
