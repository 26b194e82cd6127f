package dev.mlplan.cli;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.workload.Workload;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Completion candidates of options whose values come from the embedded catalog or the workload
 * tables: the completion scripts list them ({@code mlplan completion}). Each reads the catalog only
 * when iterated (picocli builds them at every start, and iterates them only for a completion script).
 */
final class Candidates {
    private Candidates() {}

    /** The embedded catalog's regions. */
    static final class Regions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CatalogLoader.embedded().regions().iterator();
        }
    }

    /** The embedded catalog's instance types, such as p4d.24xlarge. */
    static final class InstanceTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CatalogLoader.embedded().instanceTypes().stream().map(InstanceType::name).sorted().iterator();
        }
    }

    /** The embedded catalog's instance families, such as p4d (the part of a type before the dot). */
    static final class Families implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            TreeSet<String> families = new TreeSet<>();
            CatalogLoader.embedded().instanceTypes().forEach(t -> families.add(t.name().substring(0, Math.max(0, t.name().indexOf('.')))));
            families.remove("");
            return families.iterator();
        }
    }

    /** The embedded catalog's accelerator names, such as H100. */
    static final class Accelerators implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CatalogLoader.embedded().accelerators().stream().map(Accelerator::name).sorted().iterator();
        }
    }

    /** The pricing models a workload's constraints.pricing and check --pricing name. */
    static final class PricingModels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.copyOf(Workload.Constraints.PRICING_NAMES).iterator();
        }
    }
}
