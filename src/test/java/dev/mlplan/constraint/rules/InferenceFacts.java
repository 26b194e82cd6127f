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
 * a peak of 1 request/s, 512 tokens in, no latency target, availability single; the estimate fits (1 GiB needed of
 * 80 GiB), serves 1 request/s per instance at a p99 of 100 ms, and the fleet needs as many instances
 * as the shape has.
 */
final class InferenceFacts extends PartFacts<InferenceFacts> {
    private String model = "llama-2-7b";
    private int tokensOut;
    private double peak = 1;
    private String latencyP99;
    private String ttftP99;
    private String tpotP99;
    private int tokensIn = 512;
    private int batch = 1;
    private double estimatedTtftMs;
    private double estimatedTpotMs;
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

    /** {@code inference.ttft_p99}, the time-to-first-token target, such as "1s" (needs {@link #tokensOut}). */
    InferenceFacts ttftP99(String target) {
        this.ttftP99 = target;
        return this;
    }

    /** {@code inference.tpot_p99}, the time-per-output-token target, such as "50ms" (needs {@link #tokensOut}). */
    InferenceFacts tpotP99(String target) {
        this.tpotP99 = target;
        return this;
    }

    /** {@code inference.tokens_in}: prompt tokens per request (512 unless set). */
    InferenceFacts tokensIn(int tokens) {
        this.tokensIn = tokens;
        return this;
    }

    /** Concurrent requests per replica the estimate chose (1 unless set). */
    InferenceFacts batch(int requests) {
        this.batch = requests;
        return this;
    }

    /** Estimated p99 time to first token, in milliseconds. */
    InferenceFacts estimatedTtftMs(double ms) {
        this.estimatedTtftMs = ms;
        return this;
    }

    /** Estimated p99 time per output token, in milliseconds. */
    InferenceFacts estimatedTpotMs(double ms) {
        this.estimatedTpotMs = ms;
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
        double ttftTargetMs = i.ttftP99().isPresent() ? i.ttftP99().get().millis() : 0;
        double tpotTargetMs = i.tpotP99().isPresent() ? i.tpotP99().get().millis() : 0;
        boolean llm = tokensOut > 0;
        var requirements = new InferenceRequirements(ModelPresets.find(model).orElseThrow(), llm, 14e9, 5e5, tokensIn, tokensOut, 1e13, peak,
                peak / 2, targetMs, 0, 0, "", List.of(), ttftTargetMs, tpotTargetMs);
        var estimate = new InferenceEstimate(neededGiB <= availableGiB, neededGiB, availableGiB, batch, 0, requestsPerSecondEach, estimatedP99Ms,
                estimatedP99Ms, 1, 1, estimatedTtftMs, estimatedTpotMs, List.of());
        int needed = instancesNeeded != null ? instancesNeeded : shape.count();
        return new Facts(w, CATALOG, shape.of(Part.INFERENCE), Optional.empty(), Optional.empty(), Optional.of(requirements), Optional.of(estimate),
                Optional.empty(), needed, 0, Optional.empty());
    }

    private String sections() {
        var yaml = new StringBuilder(constraintsYaml()).append("inference:\n")
                .append("  model: { preset: ").append(model).append(" }\n")
                .append("  traffic: { average: ").append(yamlNumber(peak / 2)).append("/s, peak: ").append(yamlNumber(peak)).append("/s }\n")
                .append("  tokens_in: ").append(tokensIn).append('\n');
        if (tokensOut > 0) {
            yaml.append("  tokens_out: ").append(tokensOut).append('\n');
        }
        if (latencyP99 != null) {
            yaml.append("  latency_p99: ").append(latencyP99).append('\n');
        }
        if (ttftP99 != null) {
            yaml.append("  ttft_p99: ").append(ttftP99).append('\n');
        }
        if (tpotP99 != null) {
            yaml.append("  tpot_p99: ").append(tpotP99).append('\n');
        }
        if (availability != null) {
            yaml.append("  availability: ").append(availability).append('\n');
        }
        return yaml.toString();
    }
}
