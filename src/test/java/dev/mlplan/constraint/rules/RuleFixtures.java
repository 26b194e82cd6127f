package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.estimate.InferenceEstimate;
import dev.mlplan.estimate.InferenceRequirements;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadParser;
import java.util.List;
import java.util.Optional;

/** Facts for rule tests: real workloads (parsed from YAML), the embedded catalog, hand-set estimates. */
final class RuleFixtures {
    static final Catalog CATALOG = CatalogLoader.embedded();

    private RuleFixtures() {}

    static Workload workload(String yaml) {
        return new WorkloadParser(ModelPresets.names()).parse("test.yaml", "version: 1\nname: rule-test\n" + yaml);
    }

    static InstanceType type(String name) {
        return CATALOG.instanceType(name).orElseThrow();
    }

    static TrainingRequirements trainingRequirements(String preset) {
        return new TrainingRequirements(ModelPresets.find(preset).orElseThrow(), Workload.Method.FULL, 1e20, 1e11, 1e9, 1e10, 1, List.of(), 1e8, 4.0 / 3);
    }

    static TrainingEstimate training(boolean fits, double needGiB, double haveGiB, double hours) {
        return new TrainingEstimate(fits, needGiB, haveGiB, hours, 0.4, 1.0, List.of());
    }

    static InferenceRequirements inferenceRequirements(String preset, boolean llm, double peakRps, double latencyMs) {
        return new InferenceRequirements(ModelPresets.find(preset).orElseThrow(), llm, 14e9, 5e5, 512, llm ? 256 : 0, 1e13, peakRps, peakRps / 2,
                latencyMs, List.of());
    }

    static InferenceEstimate inference(boolean fits, double needGiB, double haveGiB, double rps, double p99Ms) {
        return new InferenceEstimate(fits, needGiB, haveGiB, 1, 0, rps, p99Ms, List.of());
    }

    static StorageRequirements storage(double reads, double writes, int prefixes, int needed, double iops, double bytesPerSecond, int sharedBy) {
        return new StorageRequirements(1e12, 1e12, reads, writes, prefixes, needed, iops, bytesPerSecond, sharedBy, List.of());
    }

    static Facts trainingFacts(Workload w, Candidate c, TrainingEstimate est, double effectiveHours) {
        return new Facts(w, CATALOG, c, Optional.of(trainingRequirements("llama-2-7b")), Optional.of(est), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, effectiveHours, Optional.empty());
    }

    static Facts inferenceFacts(Workload w, Candidate c, InferenceRequirements req, InferenceEstimate est, int needed) {
        return new Facts(w, CATALOG, c, Optional.empty(), Optional.empty(), Optional.of(req), Optional.of(est), Optional.empty(), needed, 0, Optional.empty());
    }

    static Facts storageFacts(Workload w, Candidate c, StorageRequirements s) {
        return new Facts(w, CATALOG, c, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(s), 0, 0, Optional.empty());
    }

    static Candidate lambda(Part part, double mb) {
        return new Candidate(part, Service.LAMBDA, null, "lambda-" + (int) mb + "mb", 1, mb);
    }

    static Candidate storage(Service s, String resource, int count) {
        return new Candidate(Part.STORAGE, s, null, resource, count, 0);
    }

    static final String TRAINING_YAML = """
            training:
              model: { preset: llama-2-7b }
              dataset: { size: 40 GB, tokens: 2B }
              deadline: 12h
            """;

    static final String INFERENCE_YAML = """
            inference:
              model: { preset: llama-2-7b }
              traffic: { average: 10/s, peak: 20/s }
              tokens_in: 512
              tokens_out: 256
              latency_p99: 3s
            """;

    static final String STORAGE_YAML = """
            storage:
              data: 1 TB
              reads: 10000/s
            """;
}
