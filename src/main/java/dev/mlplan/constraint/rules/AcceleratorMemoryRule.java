package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code instance.accelerator-memory}: the model, with its optimizer state, activations and runtime
 * overhead, must fit in the memory of the accelerators (or, for CPU instances, the instance's
 * memory; for Lambda, SageMaker Serverless and Fargate, the memory configured). Training shards
 * weights, gradients and optimizer state across all accelerators (FSDP/ZeRO-3); inference splits
 * weights across one instance's accelerators (tensor parallel). Memory per chip comes from the
 * catalog's accelerator table (docs/estimation.md, Accelerators). The services' own ceilings (Lambda's 10,240 MB …)
 * are rules of their own.
 */
public final class AcceleratorMemoryRule implements Rule {
    public static final String ID = "instance.accelerator-memory";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        var type = f.candidate().instanceType();
        if (f.training().isPresent() && !f.training().get().fits()) {
            var t = f.training().get();
            String chip = type != null && type.hasAccelerator() ? type.accelerators().name() : "accelerator";
            // formatted only if shown: this rule fails for most types at most node counts
            return violation(() -> "training needs " + Fmt.sig(t.neededGiBPerAccelerator()) + " GiB per accelerator even sharded over "
                    + describe(f) + "; one " + chip + " has " + Fmt.sig(t.availableGiBPerAccelerator()) + " GiB");
        }
        if (f.inference().isPresent() && !f.inference().get().fits()) {
            var i = f.inference().get();
            return violation(() -> "serving needs " + Fmt.sigBeside(i.neededGiB(), i.availableGiB()) + " GiB; " + describe(f) + " "
                    + (f.candidate().count() > 1 ? "have " : "has ") + Fmt.sigBeside(i.availableGiB(), i.neededGiB()) + " GiB");
        }
        return Optional.empty();
    }

    static String describe(Facts f) {
        var c = f.candidate();
        var type = c.instanceType();
        if (type == null) {
            return c.count() + " × " + c.resource();
        }
        if (f.training().isPresent() && type.hasAccelerator()) {
            int chips = type.accelerators().count() * c.count();
            return chips + " × " + type.accelerators().name() + (c.count() > 1 ? " (" + c.count() + " × " + c.resource() + ")" : " (" + c.resource() + ")");
        }
        if (type.hasAccelerator()) {
            return c.resource() + " (" + type.accelerators().count() + " × " + type.accelerators().name() + ")";
        }
        return c.resource();
    }
}
