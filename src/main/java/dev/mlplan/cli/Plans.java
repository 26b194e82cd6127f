package dev.mlplan.cli;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.gate.GateResult;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.Planner;
import dev.mlplan.report.JsonRenderer;
import dev.mlplan.report.PlanWriter;
import dev.mlplan.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Making a plan from workload files, and reading a saved one. */
final class Plans {
    private Plans() {}

    /**
     * Parses the files (exit 2 on any problem), applies the command line's assumptions, loads the
     * catalog (exit 3) and plans, keeping {@code top} options per part.
     */
    static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env) {
        return plan(files, catalogOption, top, assumptions, env, java.util.Optional.empty());
    }

    /** Like {@link #plan(List, CatalogOption, int, AssumptionOptions, CliEnv)}, every workload under {@code pricing} when given. */
    static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env,
            java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing) {
        return plan(files, catalogOption, top, assumptions, env, pricing, java.util.function.UnaryOperator.identity());
    }

    /** Like {@link #plan(List, CatalogOption, int, AssumptionOptions, CliEnv)}, ranked as {@code objective} says (--objective, --frontier). */
    static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env, ObjectiveOptions objective) {
        return plan(files, catalogOption, top, assumptions, env, java.util.Optional.empty(), objective::apply);
    }

    /** Like {@link #plan(List, CatalogOption, int, AssumptionOptions, CliEnv)}; with {@code sensitivity}, each part says where its rank-1 option flips. */
    static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env, ObjectiveOptions objective,
            boolean sensitivity) {
        return plan(files, catalogOption, top, assumptions, env, java.util.Optional.empty(), objective::apply, sensitivity);
    }

    private static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env,
            java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing, java.util.function.UnaryOperator<PlanOptions> tune) {
        return plan(files, catalogOption, top, assumptions, env, pricing, tune, false);
    }

    private static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env,
            java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing, java.util.function.UnaryOperator<PlanOptions> tune, boolean sensitivity) {
        Session s = Session.open(files, catalogOption, top, assumptions, env, pricing, tune);
        PlanResult result = s.planner.plan(s.workloads);
        return sensitivity ? Sensitivities.attach(result, files, env, assumptions, s.planner, new java.util.concurrent.atomic.AtomicInteger()) : result;
    }

    /**
     * Plans workloads already parsed against {@code catalog} ({@code check} plans the valid ones
     * among its files), every workload under {@code pricing} when given, keeping each workload's
     * {@link PlanResult.WorkloadPlan#summary()}: one workload at a time, so that memory does not
     * grow with the plans' size.
     */
    static PlanResult planParsed(List<Workload> parsed, Catalog catalog, int top, AssumptionOptions assumptions,
            CliEnv env, java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing) {
        Session s = Session.of(parsed, catalog, top, assumptions, env, pricing, java.util.function.UnaryOperator.identity());
        List<PlanResult.WorkloadPlan> plans = new java.util.ArrayList<>();
        try {
            inOrder(s.workloads.size(), i -> s.planner.plan(s.workloads.get(i)).summary(), plans::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PlanResult head = s.planner.head();
        return new PlanResult(head.schemaVersion(), head.mlplanVersion(), head.catalog(), List.copyOf(plans),
                plans.size() > 1 ? PlanResult.Portfolio.of(plans) : null, head.objective());
    }

    /**
     * Plans the files one workload at a time into {@code sink} (recommend and report): each workload
     * is planned, written and let go before the next, so that memory does not grow with the number
     * of files. Every file is parsed and checked against the catalog first, so that an invalid one
     * stops the command (exit 2) before anything is written.
     */
    static void stream(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env, ObjectiveOptions objective,
            boolean sensitivity, PlanWriter sink) throws IOException {
        Session s = Session.open(files, catalogOption, top, assumptions, env, java.util.Optional.empty(), objective::apply);
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        var tally = new PlanResult.Portfolio.Tally();
        sink.begin(s.planner.head());
        inOrder(s.workloads.size(), i -> {
            PlanResult.WorkloadPlan w = s.planner.plan(s.workloads.get(i));
            return sensitivity ? Sensitivities.attach(w, files.get(i), env, assumptions, s.planner, counter) : w;
        }, w -> {
            sink.workload(w);
            tally.add(w);
        });
        sink.end(tally.workloads() > 1 ? tally.portfolio() : null);
    }

    /** What takes each result in order. */
    @FunctionalInterface
    interface InOrder<R> {
        void accept(R result) throws IOException;
    }

    /**
     * Works out {@code work(0) … work(n-1)} on every core and hands each result to {@code sink} in
     * order, with at most two results per core made and not yet taken: the workloads are independent
     * plans (the planner and catalog are read-only; a sweep plans in parallel the same way), and the
     * window keeps memory from growing with the number of files. A failure is thrown as it would be
     * planned one after another: the first in order.
     */
    static <R> void inOrder(int n, java.util.function.IntFunction<R> work, InOrder<R> sink) throws IOException {
        int threads = Math.min(n, Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int i = 0; i < n; i++) {
                sink.accept(work.apply(i));
            }
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mlplan-plan");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<R>> window = new java.util.ArrayDeque<>();
            int next = 0;
            for (int taken = 0; taken < n; taken++) {
                while (next < n && window.size() < 2 * threads) {
                    int i = next++;
                    window.add(pool.submit(() -> work.apply(i)));
                }
                R result;
                try {
                    result = window.poll().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while planning", e);
                }
                sink.accept(result);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Parsed workloads with the command line's assumptions, and a planner over the catalog they were checked against. */
    private record Session(List<Workload> workloads, Planner planner) {
        /**
         * Loads the catalog (exit 3), then parses every file against it (exit 2 naming every problem,
         * regions and accelerators the catalog lacks among them, before anything is planned).
         */
        static Session open(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env,
                java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing, java.util.function.UnaryOperator<PlanOptions> tune) {
            TopOption.checked(top);
            Catalog catalog = catalogOption.load(env);
            return of(Inputs.workloads(files, env, catalog), catalog, top, assumptions, env, pricing, tune);
        }

        static Session of(List<Workload> parsed, Catalog catalog, int top, AssumptionOptions assumptions, CliEnv env,
                java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing, java.util.function.UnaryOperator<PlanOptions> tune) {
            TopOption.checked(top);
            PlanOptions options = tune.apply(PlanOptions.defaults(VersionProvider.version()).withTop(top));
            Planner planner = new Planner(catalog, ConstraintEngine.standard(), pricing.map(options::withPricingPolicy).orElse(options), env.today());
            return new Session(assumptions.apply(parsed), planner);
        }
    }

    /**
     * Reads a plan saved with {@code recommend --format json}.
     *
     * @param what how messages name the file's role, e.g. "--baseline"
     */
    static PlanResult read(Path file, String what, CliEnv env) {
        Path p = env.resolve(file);
        String text;
        try {
            if (Files.isDirectory(p)) {
                throw new ExitException(ExitCode.USAGE, what + " " + file + " is a directory; give a plan saved with 'mlplan recommend --format json --output FILE'");
            }
            text = Files.readString(Inputs.regular(p, what + " " + file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " is not UTF-8 text, so not a saved plan");
        } catch (IOException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + ": cannot read (" + e.getMessage() + ")");
        }
        PlanResult plan;
        try {
            plan = JsonRenderer.read(text);
        } catch (IOException | RuntimeException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " is not a saved mlplan plan (make one with 'mlplan recommend FILE… --format json --output plan.json'): " + firstLine(e.getMessage()));
        }
        if (plan == null || plan.workloads() == null || plan.catalog() == null) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " is not a saved mlplan plan: no workloads or catalog");
        }
        // mlplan writes every text made safe (SafeText), so a plan holding a control or bidi character, or a name
        // across lines, was not saved by it as it is: refused rather than rendered into a terminal, a report or CI
        try {
            unsafeText(JsonRenderer.mapper().readTree(text), "").ifPresent(at -> {
                throw new ExitException(ExitCode.USAGE, what + " " + file + " is not a plan as mlplan saves it: " + at
                        + " holds a control, format or line-break character that mlplan never writes there");
            });
        } catch (IOException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " is not a saved mlplan plan: " + firstLine(e.getMessage()));
        }
        if (plan.schemaVersion() != PlanResult.SCHEMA_VERSION) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " has plan schema version " + plan.schemaVersion() + "; this mlplan reads version "
                    + PlanResult.SCHEMA_VERSION);
        }
        return plan;
    }

    /** The JSON path of the first text that mlplan would never have written: a dangerous character anywhere, a line break in a name or file. */
    static java.util.Optional<String> unsafeText(com.fasterxml.jackson.databind.JsonNode node, String path) {
        if (node.isTextual()) {
            String t = node.textValue();
            boolean oneLine = path.endsWith(".name") || path.endsWith(".file") || path.endsWith(".id");
            if (t.codePoints().anyMatch(cp -> dev.mlplan.util.SafeText.isDangerous(cp) || oneLine && cp == '\n')) {
                return java.util.Optional.of(path.isEmpty() ? "a text" : path.substring(1));
            }
            return java.util.Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var found = unsafeText(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                var found = unsafeText(e.getValue(), path + "." + e.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
