package dev.mlplan.constraint;

import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.PricingModel;

/**
 * One way to run a part: a service, a resource shape (instance type, function memory, volume type or
 * storage class) and how many. Region and pricing are chosen later, per offer.
 *
 * @param instanceType the catalog type for EC2 and local machines; null otherwise
 * @param resource the name shown to users: an instance type, "lambda-3008mb", "gp3", "s3-standard"
 * @param count instances, nodes, volumes or prefixes, as the service counts them
 * @param memoryMb configured memory for Lambda (0 otherwise)
 */
public record Candidate(Part part, Service service, InstanceType instanceType, String resource, int count, double memoryMb) {

    public static Candidate ec2(Part part, InstanceType type, int count) {
        return new Candidate(part, Service.EC2, type, type.name(), count, 0);
    }

    /** A located, priced variant of this candidate. */
    public Offer offer(String region, PricingModel pricing) {
        return new Offer(this, region, pricing);
    }

    /** A candidate placed in a region under a pricing model. */
    public record Offer(Candidate candidate, String region, PricingModel pricing) {}
}
