package dev.mlplan.constraint;

import dev.mlplan.workload.Workload;

/**
 * What the rules know of one batch (offline inference) job on a candidate: the job, how fast one
 * instance works through its items, and how many instances its deadline needs.
 *
 * @param itemsPerSecondEach items one instance (or one function) processes per second
 * @param nodesNeeded instances the deadline needs at that rate (1 without a deadline); may exceed the candidate's count
 */
public record BatchRun(Workload.Batch batch, double itemsPerSecondEach, int nodesNeeded) {}
