package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.workload.Workload;

/**
 * Facts for rule tests, named the way the domain names them (in the manner of Timefold's constraint
 * verifier): one builder per part, and the shape the part runs on.
 *
 * <pre>{@code
 * training().needsGiBPerAccelerator(30.5).acceleratorHasGiB(22.4).on(instances(4, "g5.12xlarge"))
 * inference().model("llama-2-7b").peak(20).latencyP99("3s").estimatedP99Ms(4200).on(instance("g4dn.xlarge"))
 * storage().iops(50000).on(volume("gp2"))
 * }</pre>
 *
 * The workload is real (parsed from YAML by the real parser), the catalog is the embedded one, and the
 * estimates are set by hand. Anything a test does not name has a harmless default, given in each builder.
 * {@code on(shape)} builds the facts without changing the builder, so one part can be put on several
 * shapes ({@code var need = storage().iops(50000); rule.check(need.on(volume("gp2"))); ...}).
 */
final class RuleFixtures {
    static final Catalog CATALOG = CatalogLoader.embedded();

    private RuleFixtures() {}

    static TrainingFacts training() {
        return new TrainingFacts();
    }

    static InferenceFacts inference() {
        return new InferenceFacts();
    }

    /** A tree or linear model's training part (architecture tree or linear). */
    static TabularFacts tabular() {
        return new TabularFacts();
    }

    static StorageFacts storage() {
        return new StorageFacts();
    }

    static BatchFacts batch() {
        return new BatchFacts();
    }

    static InstanceType type(String name) {
        return CATALOG.instanceType(name).orElseThrow();
    }

    /** One EC2 instance of a catalog type. */
    static Shape instance(String type) {
        return instances(1, type);
    }

    /** {@code count} EC2 instances (nodes of a training run, or a serving fleet) of a catalog type. */
    static Shape instances(int count, String type) {
        var t = type(type);
        return new Shape(Service.EC2, t, t.name(), count, 0);
    }

    /** A Lambda function configured with {@code memoryMb} of memory. */
    static Shape lambda(int memoryMb) {
        return new Shape(Service.LAMBDA, null, "lambda-" + memoryMb + "mb", 1, memoryMb);
    }

    /** A SageMaker Serverless Inference endpoint configured with {@code memoryMb} of memory. */
    static Shape serverless(int memoryMb) {
        return new Shape(Service.SAGEMAKER_SERVERLESS, null, "serverless-" + memoryMb + "mb", 1, memoryMb);
    }

    /** The largest Fargate task: 16 vCPU, 120 GB. */
    static Shape fargate() {
        return new Shape(Service.FARGATE, null, "fargate-16vcpu-120gb", 1, 120000);
    }

    /** The user's own machine with this accelerator. */
    static Shape local(String accelerator) {
        return new Shape(Service.LOCAL, null, accelerator, 1, 0);
    }

    /** One EBS volume of this type (gp3, io2, sc1, ...). */
    static Shape volume(String type) {
        return new Shape(Service.EBS, null, type, 1, 0);
    }

    /** {@code count} EBS volumes of this type striped together (RAID 0). */
    static Shape volumes(int count, String type) {
        return new Shape(Service.EBS, null, type, count, 0);
    }

    /** An S3 storage class with keys under one prefix ("s3-standard", or "s3-standard+ebs" with a staging volume). */
    static Shape s3(String storageClass) {
        return prefixes(1, storageClass);
    }

    /** An S3 storage class with keys spread over {@code count} prefixes. */
    static Shape prefixes(int count, String storageClass) {
        return new Shape(Service.S3, null, storageClass, count, 0);
    }

    /** An EFS file system of this class. */
    static Shape efs(String storageClass) {
        return new Shape(Service.EFS, null, storageClass, 1, 0);
    }

    /**
     * Where a part runs, before it is given the part: a {@link Candidate} without its {@link Part}.
     *
     * @param count instances, nodes, volumes or prefixes, as the service counts them
     */
    record Shape(Service service, InstanceType instanceType, String resource, int count, double memoryMb) {
        Candidate of(Part part) {
            return new Candidate(part, service, instanceType, resource, count, memoryMb);
        }
    }

    /** Parses a workload from the YAML of its sections (version and name are added). */
    static Workload workload(String sections) {
        return ModelPresets.workloadParser().parse("test.yaml", "version: 2\nname: rule-test\n" + sections);
    }

    /** A number as the workload YAML writes it: 20, 0.5. */
    static String yamlNumber(double n) {
        return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
    }
}
