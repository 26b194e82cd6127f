package dev.mlplan.plan;

import dev.mlplan.constraint.Service;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.cost.FrontDoorCost;
import dev.mlplan.cost.S3AccessCost;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload.Batch;
import dev.mlplan.workload.Workload.Front;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.Pattern;
import dev.mlplan.workload.Workload.S3Access;
import dev.mlplan.workload.Workload.Training;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What surrounds a part's offers (issue 20 items 1 and 2, docs/bill.md): the front door of a service and
 * the path from instances to S3. Each offer's lines are counted in its monthly cost, so they rank it.
 * Lambda, SageMaker and owned machines read S3 outside the workload's VPC: no access-path lines.
 */
final class Surround {
    private Surround() {}

    /**
     * The front door a service gets. SageMaker endpoints and owned machines include theirs (none). Lambda
     * defaults to an API Gateway HTTP API (throttling, authorisers and custom domains, which a function URL
     * lacks) and may also have a function URL, a REST API or an ALB, not an NLB. Instance and Fargate
     * fleets default to an ALB and may have an NLB; {@code none} leaves every service without one. An API
     * Gateway or function URL asked for is the serverless option's: a fleet stays behind its ALB (an API in
     * front of it would add its per-request charge to both sides of the comparison and move nothing).
     */
    static Front front(Service service, Optional<Front> asked) {
        return switch (service) {
            case LAMBDA -> asked.filter(f -> f != Front.NLB).orElse(Front.API_GATEWAY_HTTP);
            case EC2, FARGATE -> asked.filter(f -> f == Front.ALB || f == Front.NLB || f == Front.NONE).orElse(Front.ALB);
            default -> Front.NONE;
        };
    }

    /** Why the front door is what it is, for the option's notes. */
    static String frontNote(Service service, Optional<Front> asked, Front front) {
        if (front == Front.NONE && (service == Service.SAGEMAKER_ENDPOINT || service == Service.SAGEMAKER_SERVERLESS)) {
            return "front door: the SageMaker endpoint includes its own (no line)";
        }
        if (asked.isPresent() && asked.get() == front) {
            return "front door: " + front.yamlName() + " (inference.front)";
        }
        String why = asked.isPresent() ? "inference.front " + asked.get().yamlName() + " does not apply to " + service.id() + "; " : "";
        return "front door: " + front.yamlName() + " (" + why + "the default for " + service.id() + "; inference.front changes it)";
    }

    static PartCollector.Surroundings inference(PlanContext ctx, Inference inf, double hoursPerMonth, double weightBytes) {
        double requestsPerMonth = inf.traffic().average().perSecond() * 3600 * hoursPerMonth;
        S3Access access = ctx.workload().platform().s3Access();
        int zones = zones(ctx.workload());
        // a steady fleet downloads the model once a month per instance; one that scales with its traffic, once a day
        double downloadsPerInstance = inf.traffic().pattern() == Pattern.STEADY ? 1 : HOURS_PER_DAY_MONTH;
        Map<String, PartCollector.Extra> cache = new HashMap<>();
        return (service, region, count, hours) -> cache.computeIfAbsent(service.id() + '|' + region + '|' + count, k -> {
            if (service == Service.LOCAL) {
                return PartCollector.Extra.NONE;
            }
            Front front = front(service, inf.front());
            List<CostComponent> lines = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            notes.add(frontNote(service, inf.front(), front));
            var door = FrontDoorCost.monthly(ctx.prices(), region, front, requestsPerMonth, hoursPerMonth, inf.bytesPerRequest().bytes(),
                    service == Service.LAMBDA);
            lines.addAll(door.components());
            notes.addAll(door.notes());
            if (service == Service.EC2 || service == Service.FARGATE) {
                double gb = weightBytes * count * downloadsPerInstance / 1e9;
                var s3 = S3AccessCost.monthly(ctx.prices(), region, access, gb, zones, "model " + Fmt.sig(weightBytes / 1e9)
                        + " GB × " + count + " instances × " + Fmt.sig(downloadsPerInstance) + " downloads a month");
                lines.addAll(s3.components());
                notes.addAll(s3.notes());
            }
            return new PartCollector.Extra(List.copyOf(lines), List.copyOf(notes), 0);
        });
    }

    /**
     * Availability zones the workload's NAT gateway or S3 interface endpoint is in: two when an inference item asks for
     * {@code availability: multi-az}, else one (the default, single AZ).
     */
    static int zones(dev.mlplan.workload.Workload w) {
        return w.inferences().stream().anyMatch(i -> i.value().availability() == dev.mlplan.workload.Workload.Availability.MULTI_AZ) ? 2 : 1;
    }

    /** Days in mlplan's 730-hour month. */
    static final double HOURS_PER_DAY_MONTH = dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH / 24.0;

    /** Training on EC2 reads its dataset from S3 every epoch of every run (dataset.location s3). */
    static PartCollector.Surroundings training(PlanContext ctx, Training t) {
        S3Access access = ctx.workload().platform().s3Access();
        if (!"s3".equals(t.dataset().location()) || access == S3Access.GATEWAY_ENDPOINT || access == S3Access.INTERNET) {
            return (service, region, count, hours) -> PartCollector.Extra.NONE;
        }
        double gb = t.dataset().size().gb() * t.epochs() * t.trialsPerMonth();
        String basis = "dataset " + Fmt.sig(t.dataset().size().gb()) + " GB × " + Fmt.sig(t.epochs()) + " epochs × " + Fmt.sig(t.trialsPerMonth())
                + " runs";
        return (service, region, count, hours) -> {
            if (service != Service.EC2 || hours == null) {
                return PartCollector.Extra.NONE;
            }
            var s3 = S3AccessCost.monthly(ctx.prices(), region, access, gb, zones(ctx.workload()), basis);
            return new PartCollector.Extra(s3.components(), s3.notes(), t.trialsPerMonth());
        };
    }

    /** A batch job on EC2 reads its inputs from S3 every run. */
    static PartCollector.Surroundings batch(PlanContext ctx, Batch b, double inputGbPerRun) {
        S3Access access = ctx.workload().platform().s3Access();
        if (access == S3Access.GATEWAY_ENDPOINT || access == S3Access.INTERNET || inputGbPerRun <= 0) {
            return (service, region, count, hours) -> PartCollector.Extra.NONE;
        }
        double gb = inputGbPerRun * b.runsPerMonth();
        String basis = "inputs " + Fmt.sig(inputGbPerRun) + " GB × " + Fmt.sig(b.runsPerMonth()) + " runs";
        return (service, region, count, hours) -> {
            if (service != Service.EC2 || hours == null) {
                return PartCollector.Extra.NONE;
            }
            var s3 = S3AccessCost.monthly(ctx.prices(), region, access, gb, zones(ctx.workload()), basis);
            return new PartCollector.Extra(s3.components(), s3.notes(), b.runsPerMonth());
        };
    }
}
