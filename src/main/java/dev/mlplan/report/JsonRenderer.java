package dev.mlplan.report;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.mlplan.plan.PlanResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract (docs/design.md, JSON output): a {@link PlanResult} as indented JSON, by data binding and the
 * annotations on {@link PlanResult}. Numbers are written with at most 10 significant digits so that
 * output is byte-stable and free of binary-fraction noise; money is otherwise unrounded.
 */
public final class JsonRenderer {
    /** Two-space object indentation, Jackson's default arrays. */
    private static final ObjectWriter WRITER = mapper().writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    /**
     * Reads saved plans: lists and maps left out of the JSON (empty ones are not written) come back
     * empty, never null, so a re-read plan renders exactly like the one that was saved.
     */
    private static final ObjectMapper READER = JsonMapper.builder()
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .build();

    private JsonRenderer() {}

    /** A mapper writing doubles by the contract's number rule ({@link #stable}). */
    public static ObjectMapper mapper() {
        SimpleModule numbers = new SimpleModule("mlplan-numbers");
        numbers.addSerializer(Double.class, new StableDoubleSerializer());
        numbers.addSerializer(double.class, new StableDoubleSerializer());
        return JsonMapper.builder().addModule(numbers).build();
    }

    /** The plan as the JSON contract, with a final newline. */
    public static String render(PlanResult plan) {
        return PlanWriter.render(plan, JsonRenderer::writer);
    }

    /**
     * Writes the plan into {@code out} one workload at a time ({@link PlanWriter}): the same document
     * as data binding the whole {@link PlanResult} gives, field for field and byte for byte (the
     * fields in {@link PlanResult}'s order, each workload bound on its own).
     */
    public static PlanWriter writer(java.io.Writer out) {
        return new PlanWriter() {
            private JsonGenerator gen;

            @Override
            public void begin(PlanResult head) throws IOException {
                gen = WRITER.createGenerator(out);
                gen.writeStartObject();
                gen.writeNumberField("schemaVersion", head.schemaVersion());
                gen.writeStringField("mlplanVersion", head.mlplanVersion());
                gen.writeFieldName("catalog");
                gen.writeObject(head.catalog());
                if (head.objective() != null) {
                    gen.writeStringField("objective", head.objective());
                }
                gen.writeArrayFieldStart("workloads");
            }

            @Override
            public void workload(PlanResult.WorkloadPlan w) throws IOException {
                // through the generator's own mapper, so that the pretty printer keeps its nesting
                gen.writeObject(w);
            }

            @Override
            public void end(PlanResult.Portfolio portfolio) throws IOException {
                gen.writeEndArray();
                if (portfolio != null) {
                    gen.writeFieldName("portfolio");
                    gen.writeObject(portfolio);
                }
                gen.writeEndObject();
                gen.flush();
                out.write("\n");
                out.flush();
            }
        };
    }

    public static PlanResult read(String json) throws IOException {
        return READER.readValue(json, PlanResult.class);
    }

    /**
     * The number rule of the contract: at most 10 significant digits, trailing zeros stripped, whole
     * numbers below 10^16 without an exponent.
     */
    static BigDecimal stable(double value) {
        BigDecimal bd = new BigDecimal(value).round(new MathContext(10)).stripTrailingZeros();
        return bd.scale() < 0 && bd.precision() - bd.scale() <= 16 ? bd.setScale(0) : bd;
    }

    /** Doubles by {@link #stable}; NaN and infinities as null. */
    private static final class StableDoubleSerializer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        StableDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(stable(value));
            }
        }
    }
}
