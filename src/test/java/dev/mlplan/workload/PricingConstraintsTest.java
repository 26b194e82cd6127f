package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.plan.PricingPolicy;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** constraints.pricing and constraints.max_upfront (issue 16, commitment policy). */
class PricingConstraintsTest {
    private final WorkloadParser parser = new WorkloadParser(WorkloadParserTest.PRESETS);

    private Workload parse(String constraints) {
        return parser.parse("p.yaml", "version: 2\nname: p\nconstraints:\n" + constraints + "storage: { data: 1 GB }\n");
    }

    @Test
    void thePolicyAndTheLimitAreReadAsWritten() {
        Workload w = parse("  pricing: [on-demand, reserved-1y, savings-plan-1y]\n  max_upfront: $50000\n");
        assertThat(w.constraints().pricing()).containsExactly("on-demand", "reserved-1y", "savings-plan-1y");
        assertThat(w.constraints().maxUpfront()).hasValueSatisfying(m -> assertThat(m.usd()).isEqualByComparingTo(new BigDecimal("50000")));
    }

    @Test
    void withoutThemEveryModelIsAllowedAndNothingIsLimited() {
        Workload w = parse("  max_nodes: 4\n");
        assertThat(w.constraints().pricing()).isEmpty();
        assertThat(w.constraints().maxUpfront()).isEmpty();
    }

    @Test
    void allowSpotAgreeingWithThePolicyIsFine() {
        assertThat(parse("  allow_spot: false\n  pricing: [on-demand]\n").constraints().allowSpot()).isFalse();
        assertThat(parse("  allow_spot: true\n  pricing: [spot, on-demand]\n").constraints().pricing()).contains("spot");
    }

    @Test
    void allowSpotTrueWithAPolicyWithoutSpotIsAnInputErrorNamingBothKeys() {
        assertThatThrownBy(() -> parse("  allow_spot: true\n  pricing: [on-demand]\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("p.yaml:5:")
                .hasMessageContaining("constraints.allow_spot is true but constraints.pricing leaves out spot");
    }

    /** Every name the key table accepts stands for at least one pricing model mlplan compares. */
    @ParameterizedTest
    @MethodSource("names")
    void everyAcceptedNameMapsToCatalogModels(String name) {
        assertThat(PricingPolicy.models(name)).isNotEmpty();
        assertThat(new PricingPolicy(List.of(name)).allows(PricingModel.PER_REQUEST)).isTrue();
    }

    static List<String> names() {
        return Workload.Constraints.PRICING_NAMES;
    }

    @Test
    void theIssuesNamesCoverEveryPaymentOption() {
        assertThat(PricingPolicy.models("reserved-1y")).containsExactlyInAnyOrder(PricingModel.RESERVED_1Y_NO_UPFRONT,
                PricingModel.RESERVED_1Y_PARTIAL_UPFRONT, PricingModel.RESERVED_1Y_ALL_UPFRONT);
        assertThat(PricingPolicy.models("savings-plan-3y")).containsExactlyInAnyOrder(PricingModel.SAVINGS_PLAN_COMPUTE_3Y,
                PricingModel.SAVINGS_PLAN_INSTANCE_3Y);
        var policy = new PricingPolicy(List.of("on-demand", "reserved-1y-no-upfront"));
        assertThat(policy.allows(PricingModel.RESERVED_1Y_NO_UPFRONT)).isTrue();
        assertThat(policy.allows(PricingModel.RESERVED_1Y_ALL_UPFRONT)).isFalse();
        assertThat(policy.describe(List.of(PricingModel.values())))
                .hasValue("on-demand, reserved-1y-no-upfront; not offered: spot, reserved-3y, savings-plan-1y, savings-plan-3y, capacity-block");
    }
}
