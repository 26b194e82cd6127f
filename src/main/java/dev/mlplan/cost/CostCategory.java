package dev.mlplan.cost;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which part of the bill a cost line belongs to, so that a plan's total splits into what a finance
 * reviewer asks about: the machines (compute), the data at rest (storage), bytes moved (network),
 * what answers requests in front of a service (front door) and what runs the fleet (operations).
 */
public enum CostCategory {
    /** Instances, functions, containers, endpoints, local hardware and its electricity. */
    COMPUTE,
    /** Stored data and its requests, retrievals, provisioned IOPS and throughput. */
    STORAGE,
    /** Data transfer, NAT gateways and VPC endpoints. */
    NETWORK,
    /** API gateways, function URLs and load balancers. */
    FRONT_DOOR,
    /** Control planes, logs and monitoring, people's time. */
    OPERATIONS;

    /** The name in JSON, CSV and tables: lower case, words joined by a space ("front door"). */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
