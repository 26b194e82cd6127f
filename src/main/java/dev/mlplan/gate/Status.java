package dev.mlplan.gate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The outcome of a gate rule, a workload or a whole check, in order of severity. */
public enum Status {
    PASS,
    WARN,
    FAIL;

    /** "pass", "warn" or "fail", as in the JSON contract. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Status worst(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
