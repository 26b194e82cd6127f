package dev.mlplan.constraint;

import com.fasterxml.jackson.annotation.JsonValue;

/** The parts of a workload that mlplan plans separately. */
public enum Part {
    TRAINING, INFERENCE, STORAGE, BATCH;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
