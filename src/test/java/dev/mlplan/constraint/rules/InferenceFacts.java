package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.CATALOG;
import static dev.mlplan.constraint.rules.RuleFixtures.workload;
import static dev.mlplan.constraint.rules.RuleFixtures.yamlNumber;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.estimate.InferenceEstimate;
import dev.mlplan.estimate.InferenceRequirements;
import dev.mlplan.estimate.ModelPresets;
import java.util.List;
import java.util.Optional;

/**
 * Facts about an inference part, for rule tests. Defaults: llama-2-7b served one-shot (no tokens out),
 * a peak of 1 request/s, no latency target, availability single; the estimate fits (1 GiB needed of
 * 80 GiB), serves 1 request/s per instance at a p99 of 100 ms, and the fleet needs as many instances
 * as the shape has.
 */
final class InferenceFacts extends PartFacts<InferenceFacts> {
    private String model = "llama-2-7b";
    private int tokensOut;
    private double peak = 1;
    private String latencyP99;
    private String availability;
    private double neededGiB = 1;
    private double availableGiB = 80;
    private double requestsPerSecondEach = 1;
    private double estimatedP99Ms = 100;
    private Integer instancesNeeded;

    /** {@code inference.model.preset}. */
    InferenceFacts model(String preset) {
        this.model = preset;
        return this;
    }

    /**
     * {@code inference.tokens_out}: tokens generated per request. Above 0 the model is served as an LLM
     * (a decode loop), as the estimator serves a generative model given tokens out.
     */
    InferenceFacts tokensOut(int tokens) {
        this.tokensOut = tokens;
        return this;
    }

    /** Peak requests per second ({@code inference.traffic.peak}; the average is half of it). */
    InferenceFacts peak(double requestsPerSecond) {
        this.peak = requestsPerSecond;
        return this;
    }

    /** {@code inference.latency_p99}, the target, such as "3s". */
    InferenceFacts latencyP99(String target) {
        this.latencyP99 = target;
        return this;
    }

    /** {@code inference.availability}: "single" or "multi-az". */
    InferenceFacts availability(String availability) {
        this.availability = availability;
        return this;
    }

    /** Estimated memory serving needs at batch 1. */
    InferenceFacts needsGiB(double gib) {
        this.neededGiB = gib;
        return this;
    }

    /** Memory the candidate has for serving. The model fits when it needs no more. */
    InferenceFacts hasGiB(double gib) {
        this.availableGiB = gib;
        return this;
    }

    /** Estimated requests per second one instance sustains. */
    InferenceFacts requestsPerSecondEach(double rps) {
        this.requestsPerSecondEach = rps;
        return this;
    }

    /** Estimated p99 latency of one request, in milliseconds. */
    InferenceFacts estimatedP99Ms(double ms) {
        this.estimatedP99Ms = ms;
        return this;
    }

    /** Instances the fleet needs at peak (absent: as many as the shape has). */
    InferenceFacts instancesNeeded(int instances) {
        this.instancesNeeded = instances;
        return this;
    }

    /** The facts of this inference part running on {@code shape}. */
    Facts on(RuleFixtures.Shape shape) {
        var w = workload(sections());
        var i = w.inference().orElseThrow();
        double targetMs = i.latencyP99().isPresent() ? i.latencyP99().get().millis() : 0;
        boolean llm = tokensOut > 0;
        var requirements = new InferenceRequirements(ModelPresets.find(model).orElseThrow(), llm, 14e9, 5e5, 512, tokensOut, 1e13, peak, peak / 2,
                targetMs, 0, 0, "", List.of());
        var estimate = new InferenceEstimate(neededGiB <= availableGiB, neededGiB, availableGiB, 1, 0, requestsPerSecondEach, estimatedP99Ms,
                estimatedP99Ms, List.of());
        int needed = instancesNeeded != null ? instancesNeeded : shape.count();
        return new Facts(w, CATALOG, shape.of(Part.INFERENCE), Optional.empty(), Optional.empty(), Optional.of(requirements), Optional.of(estimate),
                Optional.empty(), needed, 0, Optional.empty());
    }

    private String sections() {
        var yaml = new StringBuilder(constraintsYaml()).append("inference:\n")
                .append("  model: { preset: ").append(model).append(" }\n")
                .append("  traffic: { average: ").append(yamlNumber(peak / 2)).append("/s, peak: ").append(yamlNumber(peak)).append("/s }\n")
                .append("  tokens_in: 512\n");
        if (tokensOut > 0) {
            yaml.append("  tokens_out: ").append(tokensOut).append('\n');
        }
        if (latencyP99 != null) {
            yaml.append("  latency_p99: ").append(latencyP99).append('\n');
        }
        if (availability != null) {
            yaml.append("  availability: ").append(availability).append('\n');
        }
        return yaml.toString();
    }
}
