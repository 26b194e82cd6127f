package dev.mlplan.cost;

import dev.mlplan.workload.TimeSpan;
import java.util.List;

/**
 * Monthly cost of running the fleet (issue 20 item 3; docs/bill.md, "Orchestration and observability").
 * us-east-1 list prices, catalog ids in brackets:
 *
 * <ul>
 *   <li>EKS control plane: 0.10 USD per cluster-hour [{@code eks.cluster-hour}], standard support
 *       (https://aws.amazon.com/eks/pricing/, read 2026-12-07); one cluster per workload file, 730 hours a month.
 *   <li>CloudWatch Logs: 0.50 USD per GB ingested [{@code logs.ingest.gb}] and 0.03 USD per GB-month stored
 *       [{@code logs.store.gb-month}] (https://aws.amazon.com/cloudwatch/pricing/, read 2026-12-07). At a steady
 *       state a month's logs kept for {@code retention} occupy ingested GB × {@link #LOGS_STORAGE_COMPRESSION} ×
 *       retention in months: CloudWatch bills archived logs compressed, and the AWS Pricing Calculator assumes they
 *       shrink to 15% of the ingested bytes ("100.00 GB per month x 0.15 Storage compression factor x 1 Logs retention
 *       factor x 0.033 USD", quoted from the calculator at
 *       https://dev.classmethod.jp/articles/compare-archive-cost-cloudwatchlogs-s3/, 2021-09-18). Ingestion is billed on
 *       the raw bytes.
 * </ul>
 */
public final class OperationsCost {
    public static final String EKS_CLUSTER_HOUR = "eks.cluster-hour";
    public static final String LOGS_INGEST_GB = "logs.ingest.gb";
    public static final String LOGS_STORE_GB_MONTH = "logs.store.gb-month";

    /** Stored (archived) logs as a share of the ingested bytes: the AWS Pricing Calculator's compression factor, 0.15. */
    public static final double LOGS_STORAGE_COMPRESSION = 0.15;

    private OperationsCost() {}

    /** One EKS cluster's control plane for a month. */
    public static CostComponent eksControlPlane(ServicePrices prices, String region) {
        var p = prices.get(EKS_CLUSTER_HOUR, region);
        return CostComponent.of(CostCategory.OPERATIONS, "EKS control plane [1 cluster]", "cluster-hours", TimeSpan.HOURS_PER_MONTH, p.usd(),
                p.source());
    }

    /**
     * CloudWatch Logs for a service ({@code part} names it in the lines): ingestion of {@code requestsPerMonth × bytesPerRequest}, and its
     * storage for the retention period.
     */
    public static List<CostComponent> logs(ServicePrices prices, String region, String part, double requestsPerMonth, double bytesPerRequest,
            TimeSpan retention) {
        var ingest = prices.get(LOGS_INGEST_GB, region);
        var store = prices.get(LOGS_STORE_GB_MONTH, region);
        double gb = requestsPerMonth * bytesPerRequest / 1e9;
        String fmtBytes = bytesPerRequest >= 1000 ? dev.mlplan.util.Fmt.sig(bytesPerRequest / 1e3) + " kB" : dev.mlplan.util.Fmt.sig(bytesPerRequest) + " B";
        return List.of(
                CostComponent.of(CostCategory.OPERATIONS, "CloudWatch Logs ingested [" + part + ", " + fmtBytes
                        + " a request: observability.log_bytes_per_request]", "GB", gb, ingest.usd(), ingest.source()),
                CostComponent.of(CostCategory.OPERATIONS, "CloudWatch Logs stored [" + part + ", " + dev.mlplan.util.Fmt.sig(retention.seconds() / 86400)
                        + " days: observability.retention; compressed to 15% as the AWS Pricing Calculator assumes]",
                        "GB-months", gb * LOGS_STORAGE_COMPRESSION * retention.months(), store.usd(), store.source()));
    }
}
