package dev.mlplan.report;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.mlplan.plan.PlanResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract (DESIGN.md): a {@link PlanResult} as indented JSON. Numbers are written with at
 * most 10 significant digits so that output is byte-stable and free of binary-fraction noise;
 * money is otherwise unrounded.
 */
public final class JsonRenderer {
    /** Data binding, built on first use only: {@link #render} writes with {@link PlanJsonWriter}. */
    private static final class Mappers {
        static final ObjectMapper WRITER = mapper();

        /**
         * Reads saved plans: lists and maps left out of the JSON (empty ones are not written) come back
         * empty, never null, so a re-read plan renders exactly like the one that was saved.
         */
        static final ObjectMapper READER = mapper();

        static {
            READER.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
            READER.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        }
    }

    private JsonRenderer() {}

    public static ObjectMapper mapper() {
        SimpleModule numbers = new SimpleModule("mlplan-numbers");
        numbers.addSerializer(Double.class, new StableDoubleSerializer());
        numbers.addSerializer(double.class, new StableDoubleSerializer());
        return JsonMapper.builder().addModule(numbers).build();
    }

    /** The plan as the JSON contract, with a final newline. */
    public static String render(PlanResult plan) {
        try {
            return PlanJsonWriter.write(plan) + "\n";
        } catch (PlanJsonWriter.Unsupported | RuntimeException e) {
            // data binding is the reference: whatever the fast writer cannot take, it renders
            return renderWithDataBinding(plan);
        }
    }

    /** What {@link #render} gives, through data binding and the annotations on {@link PlanResult}: the reference. */
    static String renderWithDataBinding(PlanResult plan) {
        try {
            return Mappers.WRITER.writer(PlanJsonWriter.prettyPrinter()).writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render plan as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static PlanResult read(String json) throws IOException {
        return Mappers.READER.readValue(json, PlanResult.class);
    }

    static final class StableDoubleSerializer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        StableDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                gen.writeNull();
                return;
            }
            gen.writeNumber(PlanJsonWriter.stable(value));
        }
    }
}
