package dev.mlplan.cost;

import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import java.util.Optional;

/**
 * The model a service serves, kept in S3 (issue 20 item 4, docs/bill.md "Model artefacts"): a SageMaker
 * endpoint loads its model.tar.gz from S3, and an instance or container fleet downloads the weights from
 * S3 at every scale-out. One copy of the weights in S3 Standard, for the month. The downloads are
 * in-region (no transfer charge) and a few thousand ranged GETs each (a 13.5 GB model in 8 MiB ranges:
 * 1,610 GETs × $0.0004 per 1,000 = $0.0006 a load), so they are not priced; their NAT or endpoint
 * processing is, with the option ({@link S3AccessCost}). A Lambda function's model lives in its container
 * image in Amazon ECR, not S3 (ECR storage is not in the catalog), and an owned machine keeps its own:
 * neither gets this line.
 */
public final class ModelArtefactCost {
    private ModelArtefactCost() {}

    /**
     * @param service the rank-1 option's service id ("ec2", "fargate", "sagemaker-endpoint", …)
     * @param part how the line names the service, e.g. "inference: chat"
     */
    public static Optional<CostComponent> monthly(ServicePrices prices, String region, String service, String part, double weightBytes) {
        if ("lambda".equals(service) || "local".equals(service) || weightBytes <= 0) {
            return Optional.empty();
        }
        var storage = prices.get("s3.standard.gb-month", region);
        double gb = weightBytes / DataSize.GB;
        return Optional.of(CostComponent.of(CostCategory.STORAGE, "Model artefact [" + part + ", " + Fmt.sig(gb) + " GB of weights in S3 Standard]",
                "GB-months", gb, storage.usd(), storage.source()));
    }
}
