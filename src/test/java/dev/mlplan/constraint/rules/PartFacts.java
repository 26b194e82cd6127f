package dev.mlplan.constraint.rules;

/**
 * What the training and inference builders share: the workload's {@code constraints} section.
 *
 * @param <B> the builder itself, for chaining
 */
abstract class PartFacts<B extends PartFacts<B>> {
    private Boolean allowSpot;
    private Integer maxNodes;
    private String maxUpfront;
    private String residency;
    private Boolean computeFollowsData;

    /** {@code constraints.residency} in YAML flow style, such as "[eu]" (absent: anywhere). */
    B residency(String list) {
        this.residency = list;
        return self();
    }

    /** {@code constraints.compute_follows_data} (absent: the workload's default, true). */
    B computeFollowsData(boolean follows) {
        this.computeFollowsData = follows;
        return self();
    }

    /** {@code constraints.allow_spot} (absent: the workload's default, true). */
    B allowSpot(boolean allow) {
        this.allowSpot = allow;
        return self();
    }

    /** {@code constraints.max_nodes} (absent: the workload's default). */
    B maxNodes(int max) {
        this.maxNodes = max;
        return self();
    }

    /** {@code constraints.max_upfront}, such as "50000 USD" (absent: no limit). */
    B maxUpfront(String money) {
        this.maxUpfront = money;
        return self();
    }

    /** The constraints section, or nothing when no constraint was named. */
    String constraintsYaml() {
        if (allowSpot == null && maxNodes == null && maxUpfront == null && residency == null && computeFollowsData == null) {
            return "";
        }
        var yaml = new StringBuilder("constraints:\n");
        if (allowSpot != null) {
            yaml.append("  allow_spot: ").append(allowSpot).append('\n');
        }
        if (maxNodes != null) {
            yaml.append("  max_nodes: ").append(maxNodes).append('\n');
        }
        if (maxUpfront != null) {
            yaml.append("  max_upfront: \"").append(maxUpfront).append("\"\n");
        }
        if (residency != null) {
            yaml.append("  residency: ").append(residency).append('\n');
        }
        if (computeFollowsData != null) {
            yaml.append("  compute_follows_data: ").append(computeFollowsData).append('\n');
        }
        return yaml.toString();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
