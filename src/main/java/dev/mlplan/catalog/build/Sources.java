package dev.mlplan.catalog.build;

import dev.mlplan.catalog.Source;
import java.util.List;

/**
 * Every {@link Source} the embedded catalog cites: one per reference-file group (kind "published"),
 * one per AWS page that docs/limits.md names, and one per derivation rule (kind "estimated", the rule in
 * the note).
 */
final class Sources {
    private Sources() {}

    // reference files (../shared/reference)
    static final String KARPENTER_PRICES = "karpenter-pricing-2026-07-20";
    static final String KARPENTER_TYPES = "karpenter-instance-types-2026-07-11";
    static final String KARPENTER_TYPES_V112 = "karpenter-instance-types-2026-04-25";
    static final String EI_TYPES = "ec2instances-info-types-2025-11-30";
    static final String EI_ONDEMAND = "ec2instances-info-ondemand-2025-11-30";
    static final String EI_RESERVED = "ec2instances-info-reserved-2025-11-30";
    static final String EI_SPOT = "ec2instances-info-spot-2025-11-30";
    static final String EI_ADVISOR = "ec2instances-info-spot-advisor-2025-11-30";
    static final String SPOTINFO_ADVISOR = "spotinfo-spot-advisor-2025-06-28";
    static final String PW_EC2 = "aws-price-watcher-ec2-2025-11-20";
    static final String PW_LAMBDA = "aws-price-watcher-lambda-2025-12-02";
    static final String PW_FARGATE = "aws-price-watcher-fargate-2025-10-27";
    static final String PW_S3 = "aws-price-watcher-s3-2025-12-02";
    static final String PW_EFS = "aws-price-watcher-efs-2025-09-25";
    static final String EBS_PRICES = "ec2-shop-ebs-2024-07-18";
    static final String SKYPILOT = "skypilot-vms-2026-01";

    // AWS pages named in docs/limits.md
    static final String AWS_LAMBDA_QUOTAS = "aws-lambda-quotas";
    static final String AWS_LAMBDA_MEMORY = "aws-lambda-memory";
    static final String AWS_LAMBDA_PRICING = "aws-lambda-pricing";
    static final String AWS_SM_SERVERLESS = "aws-sagemaker-serverless-config";
    static final String AWS_FARGATE = "aws-fargate-task-size";
    static final String AWS_S3_REQUEST_RATE = "aws-s3-request-rate";
    static final String AWS_S3_OBJECT_SIZE = "aws-s3-object-size";
    static final String AWS_S3_PRICING = "aws-s3-pricing";
    static final String AWS_EBS_VOLUME_TYPES = "aws-ebs-volume-types";
    static final String AWS_EBS_MULTI_ATTACH = "aws-ebs-multi-attach";
    static final String AWS_EBS_PRICING = "aws-ebs-pricing";
    static final String AWS_EBS_OPTIMIZED = "aws-ebs-optimized-instances";
    static final String AWS_EFS_PERFORMANCE = "aws-efs-performance";
    static final String AWS_EFS_PRICING = "aws-efs-pricing";
    static final String AWS_FSX_LUSTRE_PRICING = "aws-fsx-lustre-pricing";
    static final String AWS_SPOT_NOTICE = "aws-spot-interruption-notice";
    static final String AWS_CAPACITY_BLOCKS = "aws-capacity-blocks-pricing-2026-01-31";
    static final String AWS_DATA_TRANSFER = "aws-data-transfer-pricing";
    // issue 20 items 1-3: what surrounds the instances (docs/bill.md)
    static final String AWS_API_GATEWAY_PRICING = "aws-api-gateway-pricing";
    static final String AWS_ELB_PRICING = "aws-elb-pricing";
    static final String AWS_VPC_PRICING = "aws-vpc-pricing";
    static final String AWS_PRIVATELINK_PRICING = "aws-privatelink-pricing";
    static final String AWS_EKS_PRICING = "aws-eks-pricing";
    static final String AWS_CLOUDWATCH_PRICING = "aws-cloudwatch-pricing";

    // accelerator figures
    static final String ACCEL_DATASHEETS = "accelerator-datasheets";
    static final String ACCEL_A10G = "accelerator-a10g-measured";
    static final String ACCEL_OTHER = "accelerator-other-estimated";
    static final String ACCEL_L4_FRACTIONS = "aws-g6f-fractional-l4";

    // derivation rules
    static final String EST_SPOT_FROM_ADVISOR = "estimated-spot-from-advisor-savings";
    static final String EST_SAVINGS_PLANS = "estimated-savings-plans-from-ri";
    static final String EST_LAMBDA_LOAD_FACTOR = "estimated-lambda-model-load-factor";
    static final String EST_SAGEMAKER = "estimated-sagemaker-from-ec2-markup";
    static final String SAGEMAKER_PUBLISHED = "fmbench-sagemaker-hourly-pricing";
    static final String EST_SAGEMAKER_REGIONAL = "estimated-sagemaker-from-us-east-1-by-ec2-ratio";
    static final String EST_SM_SERVERLESS = "estimated-sagemaker-serverless";

    private static final String PUBLISHED = "published";
    private static final String ESTIMATED = "estimated";

    static List<Source> all() {
        return List.of(
                new Source(KARPENTER_PRICES, "Karpenter AWS provider: generated on-demand price tables (Linux, shared tenancy)",
                        "https://github.com/aws/karpenter-provider-aws/blob/1d927085dd81a9df9301e613f371dac5b4d16bfe/pkg/providers/pricing/zz_generated.pricing_aws.go",
                        "2026-07-20", PUBLISHED,
                        "us-east-1 (zz_generated.pricing_aws.go) and us-gov-east-1/us-gov-west-1 (zz_generated.pricing_aws_us_gov.go),"
                                + " last changed in 6fc13b5236fd04fd16ff3f9dc7490d0813994099, 'generated at 2026-07-20T13:44:30Z' from the AWS"
                                + " Pricing API. Newest on-demand source: takes precedence in the regions it covers. For *.metal* types it is"
                                + " ~10% above aws-price-watcher (which repeats the largest virtualised size); Karpenter is kept. Types without"
                                + " a price here (trn2.48xlarge, capacity-block-only types) have no on-demand row."),
                new Source(KARPENTER_TYPES, "Karpenter AWS provider: instance-types reference (EC2 DescribeInstanceTypes)",
                        "https://github.com/aws/karpenter-provider-aws/blob/692ccdd0629e488300821443f0fa0bc3c3e08047/website/content/en/docs/reference/instance-types.md",
                        "2026-07-11", PUBLISHED,
                        "v1.14.0 doc (692ccdd0, 2026-07-11), 1,363 types: vCPUs, memory (MiB/1024 = GiB), GPU name/count/per-GPU MiB"
                                + " as the EC2 API reports it (A10G and L4 22,888 MiB = 22.35 GiB, L40S 45,776 MiB: the accelerator table holds these), Neuron"
                                + " device count, baseline network bandwidth (Mbit/s/1000 = Gbps), EBS max bandwidth, EFA interfaces."
                                + " Accelerator memory of an instance = count x per-chip memory of the accelerator table (the EC2 figure; a"
                                + " disagreement is a build warning). EBS caps, in order of precedence: Karpenter's describe-instance-types"
                                + " fixture (pkg/fake/zz_generated.describe_instance_types.go, 17 types, 2026-07-20), ec2instances.info"
                                + " ebs_* columns (non-zero), the AWS EBS-optimized page figures in docs/limits.md (trn2.48xlarge 80,000 Mbps /"
                                + " 260,000 IOPS, p5/trn1 260,000, p6-b200 400,000, p4d 80,000), else Karpenter's max bandwidth as both baseline"
                                + " and max with IOPS 0 (= unknown). Fractional-GPU types (g6f, gr6f: a slice of an L4) carry no accelerator"
                                + " entry: not for ML training. dl1 (Habana Gaudi) and dl2q (Qualcomm AI 100) carry no accelerator entry:"
                                + " mlplan models GPUs and Neuron only. currentGeneration: Karpenter has no such attribute; GPU types take"
                                + " ec2instances.info's 'generation' (AWS Pricing API), other types are previous-generation when their family"
                                + " is one AWS lists as previous generation: c1, c3, g2, i2, m1, m2, m3, r3, t1. arch: amd64 -> x86_64."),
                new Source(KARPENTER_TYPES_V112, "Karpenter AWS provider: instance-types reference, v1.12.0",
                        "https://github.com/aws/karpenter-provider-aws/blob/9e1d72fdc1eab00fc02f53a2d075c5fb052f58df/website/content/en/docs/reference/instance-types.md",
                        "2026-04-25", PUBLISHED,
                        "p3.2xlarge, p3.8xlarge, p3.16xlarge, dl1.24xlarge, f1.2xlarge, f1.4xlarge, f1.16xlarge: dropped from the doc in"
                                + " v1.13, taken from v1.12.0 (9e1d72fd). Same derivation rules as " + KARPENTER_TYPES + "."),
                new Source(EI_TYPES, "ec2instances.info (instances.vantage.sh) GPU/accelerator instance specs",
                        "https://github.com/tsaol/aws-gpu/blob/2d0108c7bd261c8e40493fbd35135437bd6c9099/data/gpu_instances_raw.json",
                        "2025-11-30", PUBLISHED,
                        "84 GPU/ML types, commit 2d0108c7 (2025-11-30) of a third-party copy of instances.vantage.sh/instances.json."
                                + " Used for EBS baseline/max bandwidth and IOPS caps, the current/previous generation flag of GPU types, and"
                                + " the specs of types Karpenter lacks (g2, g3, g3s, p2: vCPUs, memory_gib, GPU count and total memory as"
                                + " listed, network from the 'N Gigabit' text, 0 = unknown). Quirks kept out: trn1/trn1n labelled Inferentia"
                                + " (Karpenter's Neuron name wins), zero EBS fields (= unknown). p6e-gb200.36xlarge is NOT in the catalog:"
                                + " the source lists UltraServer-level figures (36 GPUs, 6,660 GiB) for a 144-vCPU instance, x86_64 for a"
                                + " Grace (Arm) host, and no Linux price."),
                new Source(EI_ONDEMAND, "ec2instances.info on-demand prices (GPU/accelerator types), platform linux",
                        "https://github.com/tsaol/aws-gpu/blob/2d0108c7bd261c8e40493fbd35135437bd6c9099/data/gpu_instances_raw.json",
                        "2025-11-30", PUBLISHED,
                        "Linux, shared tenancy, USD/h. Used outside the Karpenter regions; Local/Wavelength Zones (region codes with"
                                + " more than three dash-separated parts) skipped. Equals aws-price-watcher on all 949 shared pairs."),
                new Source(EI_RESERVED, "ec2instances.info Reserved Instance prices (GPU/accelerator types), platform linux",
                        "https://github.com/tsaol/aws-gpu/blob/2d0108c7bd261c8e40493fbd35135437bd6c9099/data/gpu_instances_raw.json",
                        "2025-11-30", PUBLISHED,
                        "1/3 years x standard/convertible x no/partial/all upfront. usdPerHour = the scraper's effective hourly rate"
                                + " (recurring hourly + upfront / (years x 8,760)); the upfront payment itself is not in the source:"
                                + " upfrontUsd is the whole term (rate x years x 8,760 h) for all upfront, 0 for no upfront, and estimated"
                                + " at half the term for partial upfront (the split of AWS's published fees). Some combinations are absent (e.g. p3.2xlarge us-east-1 has no RI terms,"
                                + " p5.48xlarge us-east-1 no 1-year standard)."),
                new Source(EI_SPOT, "ec2instances.info spot prices (GPU/accelerator types), platform linux",
                        "https://github.com/tsaol/aws-gpu/blob/2d0108c7bd261c8e40493fbd35135437bd6c9099/data/gpu_instances_raw.json",
                        "2025-11-30", PUBLISHED,
                        "Spot price at scrape time: average across the region's AZs (spot Price row and SpotInfo avg) and minimum"
                                + " (SpotInfo min). Where the minimum is empty, SpotInfo min is the lowest per-AZ SpotPrice of the SkyPilot"
                                + " catalog excerpt (" + SKYPILOT + ", us-east-1, 9 types), else null."),
                new Source(EI_ADVISOR, "AWS Spot Instance Advisor as merged by ec2instances.info, platform linux",
                        "https://github.com/tsaol/aws-gpu/blob/2d0108c7bd261c8e40493fbd35135437bd6c9099/data/gpu_instances_raw.json",
                        "2025-11-30", PUBLISHED,
                        "Interruption bucket and savings vs on-demand (trailing month). Newest advisor snapshot: preferred over "
                                + SPOTINFO_ADVISOR + " where both have the pair; they disagree for several GPU types (the feed changes monthly)."),
                new Source(SPOTINFO_ADVISOR, "AWS Spot Instance Advisor feed (spot-advisor-data.json) as committed in spotinfo",
                        "https://github.com/alexei-led/spotinfo/blob/5eedf20a99614443af215f4aaf09bd10805cac72/internal/spot/data/spot-advisor-data.json",
                        "2025-06-28", PUBLISHED,
                        "Verbatim copy of https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json as of about 2025-06-28"
                                + " (file commit 5eedf20a). os Linux only. Fallback for (region, type) pairs the newer ec2instances.info"
                                + " advisor lacks; trn2.48xlarge has no entry."),
                new Source(PW_EC2, "AWS pricing-page data (meteredUnitMaps ec2.json) via aws-price-watcher: EC2 on-demand Linux",
                        "https://github.com/v0rts/aws-price-watcher/blob/c4a0470f63402104fb3793bb114a39e488eb04ec/processed/ec2.json",
                        "2025-11-20", PUBLISHED,
                        "Fork v0rts/aws-price-watcher, blob 38e7aa35 last changed in 391f4a46 (2025-11-20). Linux, shared tenancy,"
                                + " USD/h, every region. Region codes were added from location names by the reference converter (7 newest"
                                + " regions mapped by hand, unconfirmed by data). Used only where neither Karpenter nor ec2instances.info has"
                                + " the pair; *.metal* types repeat the largest virtualised size's price here."),
                new Source(PW_LAMBDA, "AWS pricing-page data (lambda.json) via aws-price-watcher",
                        "https://github.com/v0rts/aws-price-watcher/blob/d6499ea2870ca566c457b22927325bb3e18d968c/raw/lambda.json",
                        "2025-12-02", PUBLISHED,
                        "hawkFilePublicationDate 2025-12-02. 'Lambda Duration' (x86, first tier) and 'Lambda Duration-ARM' per"
                                + " GB-second; 'Lambda Requests' per request, stored per 1M requests (x 1,000,000)."),
                new Source(PW_FARGATE, "AWS pricing-page data (ecs.json) via aws-price-watcher: Fargate",
                        "https://github.com/v0rts/aws-price-watcher/blob/71200fd2b7aab4bc3b6d1cb55cb44ca5c8616cf6/processed/ecs.json",
                        "2025-10-27", PUBLISHED,
                        "'perCPU per hour' / 'perGB per hour' (Linux/x86) and 'ARM perCPU per hour' / 'ARM perGB per hour'."),
                new Source(PW_S3, "AWS pricing-page data (s3.json) via aws-price-watcher",
                        "https://github.com/v0rts/aws-price-watcher/blob/d6499ea2870ca566c457b22927325bb3e18d968c/raw/s3.json",
                        "2025-12-02", PUBLISHED,
                        "hawkFilePublicationDate 2025-12-02. Storage per GB-month by class and tier; 'PUT COPY/POST or LIST requests'"
                                + " and 'GET and all other requests' (S3 Standard) per request, stored per 1,000 requests. Glacier Deep"
                                + " Archive storage has no labelled entry in the source (us-east-1 figure from " + AWS_S3_PRICING + ")."),
                new Source(PW_EFS, "AWS pricing-page data (efs.json) via aws-price-watcher",
                        "https://github.com/v0rts/aws-price-watcher/blob/fe4f893c8a75ede6685197728021e178718730f0/raw/efs.json",
                        "2025-09-25", PUBLISHED, "hawkFilePublicationDate 2025-09-25. 'General Purpose Storage GB Mo' = EFS Standard per GB-month."),
                new Source(EBS_PRICES, "AWS pricing-page data (ebs.json) via ec2.shop",
                        "https://github.com/yeo/ec2.shop/blob/576c890f33ae177837e93499866aa04a0ac4fa89/data/ebs/ebs.json",
                        "2024-07-18", PUBLISHED,
                        "hawkFilePublicationDate 2024-07-18; spot-checked unchanged in 2026 (eu-central-1, ap-northeast-1, us-west-2)."
                                + " gp3 throughput is priced per GiBps-month in the source (40.96 USD in us-east-1); stored per MiB/s-month"
                                + " (/1024 = 0.04). io2 IOPS tiers: up to 32,000, 32,001-64,000, over 64,000."),
                new Source(SKYPILOT, "SkyPilot AWS catalog v8 vms.csv (excerpt: 9 ML types in us-east-1, per-AZ spot prices)",
                        "https://github.com/skypilot-org/skypilot-catalog/blob/00148f2af3672e2229b4f7bf8157d5a3f36e3c35/catalogs/v8/aws/vms.csv",
                        "2026-01-28", PUBLISHED,
                        "Commit date not visible; content predates 2026-01-28 (about January 2026). Used only for the per-AZ minimum"
                                + " spot price where ec2instances.info's minimum is empty."),

                new Source(AWS_LAMBDA_QUOTAS, "AWS Lambda quotas", "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
                        "2026-07-20", PUBLISHED, "As gathered in docs/limits.md (2026). Async payload was raised from 256 KB to 1 MB in Oct 2025;"
                                + " new accounts may get less than 1,000 concurrency."),
                new Source(AWS_LAMBDA_MEMORY, "AWS Lambda: configuring function memory (CPU scales with memory)",
                        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html", "2026-07-20", PUBLISHED,
                        "1 vCPU per 1,769 MB, up to 6 vCPUs at 10,240 MB (docs/limits.md)."),
                new Source(AWS_LAMBDA_PRICING, "AWS Lambda pricing", "https://aws.amazon.com/lambda/pricing/", "2026-07-20", PUBLISHED,
                        "us-east-1 figures from docs/limits.md; used only where the aws-price-watcher file lacks an item."),
                new Source(AWS_SM_SERVERLESS, "Amazon SageMaker API: ProductionVariantServerlessConfig",
                        "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariantServerlessConfig.html",
                        "2026-07-20", PUBLISHED, "Memory 1,024-6,144 MB in 1 GB steps, MaxConcurrency 1-200, payload 4 MB, 60 s per"
                                + " invocation, no GPU (docs/limits.md)."),
                new Source(AWS_FARGATE, "Amazon ECS: Fargate task CPU and memory", 
                        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size",
                        "2026-07-20", PUBLISHED, "Linux platform 1.4.0+: up to 16 vCPU with 32-120 GB; ephemeral storage 21-200 GiB; no GPU."),
                new Source(AWS_S3_REQUEST_RATE, "Amazon S3: best practices / request rate per prefix (Knowledge Center)",
                        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html", "2026-07-20", PUBLISHED,
                        "At least 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD requests per second per partitioned prefix; 503"
                                + " SlowDown above that while S3 repartitions."),
                new Source(AWS_S3_OBJECT_SIZE, "Amazon S3: maximum object size", 
                        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html", "2026-07-20", PUBLISHED,
                        "50 TB, raised from 5 TB in Dec 2025 according to docs/limits.md, which marks it as third-party reports to confirm."),
                new Source(AWS_S3_PRICING, "Amazon S3 pricing", "https://aws.amazon.com/s3/pricing/", "2026-07-20", PUBLISHED,
                        "us-east-1 figures from docs/limits.md (storage classes, requests); used where aws-price-watcher lacks an item"
                                + " (Glacier Deep Archive storage 0.00099 USD/GB-month)."),
                new Source(AWS_EBS_VOLUME_TYPES, "Amazon EBS volume types", "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html",
                        "2026-07-20", PUBLISHED, "docs/limits.md table, 2025 gp3 limits (64 TiB, 80,000 IOPS, 2,000 MiB/s; older material quotes"
                                + " 16 TiB / 16,000 / 1,000). iopsPerGiB ratios (gp2 3, gp3 500, io1 50, io2 1,000) are from the same AWS page,"
                                + " not from the docs/limits.md table."),
                new Source(AWS_EBS_MULTI_ATTACH, "Amazon EBS Multi-Attach", "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes-multi.html",
                        "2026-07-20", PUBLISHED, "io1/io2 volumes attach to up to 16 Nitro instances in one AZ; all other types to one instance."),
                new Source(AWS_EBS_PRICING, "Amazon EBS pricing", "https://aws.amazon.com/ebs/pricing/", "2026-07-20", PUBLISHED,
                        "us-east-1 figures from docs/limits.md; used only where " + EBS_PRICES + " lacks an item."),
                new Source(AWS_EBS_OPTIMIZED, "Amazon EC2: EBS-optimized instance types (EbsOptimizedInfo)",
                        "https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-type-specifications.html", "2026-07-20", PUBLISHED,
                        "Instance EBS caps quoted in docs/limits.md; used where neither Karpenter's fixture nor ec2instances.info has them."),
                new Source(AWS_EFS_PERFORMANCE, "Amazon EFS performance specifications", "https://docs.aws.amazon.com/efs/latest/ug/performance.html",
                        "2026-07-20", PUBLISHED, "Elastic throughput 3-10 GiB/s read and 1-3 GiB/s write per file system (the upper"
                                + " figures are stored), 500 MiB/s per client (docs/limits.md)."),
                new Source(AWS_EFS_PRICING, "Amazon EFS pricing", "https://aws.amazon.com/efs/pricing/", "2026-07-20", PUBLISHED,
                        "us-east-1 Standard storage 0.30 USD/GB-month (docs/limits.md); used only where " + PW_EFS + " lacks it."),
                new Source(AWS_FSX_LUSTRE_PRICING, "Amazon FSx for Lustre pricing", "https://aws.amazon.com/fsx/lustre/pricing/", "2026-07-20",
                        PUBLISHED, "PERSISTENT_2 SSD 125 MB/s/TiB about 0.145 USD/GB-month in us-east-1 (docs/limits.md). The 250/500/1,000"
                                + " MB/s/TiB tiers have no figure in any reachable source and are not in the catalog."),
                new Source(AWS_SPOT_NOTICE, "Amazon EC2 Spot Instance interruption notices",
                        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-instance-termination-notices.html", "2026-07-20", PUBLISHED,
                        "Two-minute warning before a Spot Instance is interrupted."),
                new Source(AWS_CAPACITY_BLOCKS, "Amazon EC2 Capacity Blocks for ML: reservation rates per instance-hour",
                        "https://aws.amazon.com/ec2/capacityblocks/pricing/", "2026-01-31", PUBLISHED,
                        "Rates of the AWS pricing page as copied on 2026-01-31 by koyakimu/ec2-capacity-blocks-for-ml-pricing-json"
                                + " (data/pricing.json, an unofficial scrape whose README disclaims accuracy); AWS updates them regularly."
                                + " Only the types and regions that copy lists. Rules (EC2 User Guide, Capacity Blocks for ML): 1-14 days"
                                + " in 1-day steps, then 7-day steps up to 182 days; at most 64 instances per block; the reservation fee is"
                                + " paid up front; instances stop 30 min before the block ends; start up to 8 weeks ahead."),
                new Source(AWS_DATA_TRANSFER, "Amazon EC2 on-demand pricing: data transfer",
                        "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer", "2026-07-20", PUBLISHED,
                        "us-east-1 (docs/limits.md): cross-AZ 0.01 USD/GB in each direction; cross-region 0.02 USD/GB (typical US pairs);"
                                + " internet egress 0.09 USD/GB for the first 10 TB/month after the first 100 GB free."),
                // issue 20 items 1-3 (docs/bill.md): us-east-1 list prices read on 2026-12-07
                new Source(AWS_API_GATEWAY_PRICING, "Amazon API Gateway pricing", "https://aws.amazon.com/api-gateway/pricing/", "2026-12-07",
                        PUBLISHED, "us-east-1: REST APIs 3.50 USD per million requests (first 333 million a month), HTTP APIs 1.00 USD per"
                                + " million (first 300 million, metered in 512 KB increments); the 12-month free tier is not counted. Lambda"
                                + " function URLs: no charge beyond the function (https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html)."),
                new Source(AWS_ELB_PRICING, "Elastic Load Balancing pricing", "https://aws.amazon.com/elasticloadbalancing/pricing/", "2026-12-07",
                        PUBLISHED, "us-east-1: Application Load Balancer 0.0225 USD per hour + 0.008 USD per LCU-hour (an LCU: 25 new"
                                + " connections/s, 3,000 active connections/min, 1 GB/h processed for instance targets, 1,000 rule evaluations/s);"
                                + " Network Load Balancer 0.0225 USD per hour + 0.006 USD per NLCU-hour (TCP: 800 new flows/s, 100,000 active"
                                + " flows, 1 GB/h)."),
                new Source(AWS_VPC_PRICING, "Amazon VPC pricing: NAT gateway", "https://aws.amazon.com/vpc/pricing/", "2026-12-07", PUBLISHED,
                        "us-east-1: NAT gateway 0.045 USD per hour and 0.045 USD per GB processed (every byte, either direction);"
                                + " a gateway VPC endpoint for S3 has no charge."),
                new Source(AWS_PRIVATELINK_PRICING, "AWS PrivateLink pricing: interface endpoints", "https://aws.amazon.com/privatelink/pricing/",
                        "2026-12-07", PUBLISHED, "us-east-1: 0.01 USD per endpoint-hour per availability zone and 0.01 USD per GB processed"
                                + " (first petabyte a month)."),
                new Source(AWS_EKS_PRICING, "Amazon EKS pricing", "https://aws.amazon.com/eks/pricing/", "2026-12-07", PUBLISHED,
                        "0.10 USD per cluster-hour for a Kubernetes version in standard support (0.60 in extended support, not counted);"
                                + " ECS has no control-plane charge (https://aws.amazon.com/ecs/pricing/)."),
                new Source(AWS_CLOUDWATCH_PRICING, "Amazon CloudWatch pricing: logs", "https://aws.amazon.com/cloudwatch/pricing/", "2026-12-07",
                        PUBLISHED, "us-east-1, paid tier: standard logs 0.50 USD per GB ingested (collect), 0.03 USD per GB-month stored"
                                + " (archive); vended-log volume tiers are not counted."),

                new Source(ACCEL_DATASHEETS, "Vendor datasheets: NVIDIA data-center GPUs, AWS Neuron (Trainium, Inferentia), NVIDIA GeForce RTX",
                        "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/neuron-hardware.html",
                        "2026-07-20", PUBLISHED,
                        "Dense (no sparsity) figures of docs/estimation.md's accelerator table (NVIDIA V100/T4/L4/L40S/A100/H100/H200/B200"
                                + " and RTX 4090/5090 datasheets, AWS Neuron hardware pages). RTX bf16 = FP32-accumulate tensor rate"
                                + " (FP16-accumulate is 2x). FP8 for L4/L40S/H200 and INT8 for T4/A100/H100/H200/B200 = half the datasheet's"
                                + " sparse figure; 0 = not supported or unknown. defaultMfu/defaultMbu are mlplan defaults (docs/estimation.md):"
                                + " MFU 0.40 A100/H100/H200/B200 class, 0.35 L40S/L4/A10G and RTX, 0.30 V100/T4, 0.33 Trainium1 (AWS Neuron trn1 Llama 2 training table, docs/accuracy.md),"
                                + " 0.30 Trainium2, 0.25 Inferentia; MBU 0.5 (0.4 Neuron). tdpWatts: board power. memoryGiB: the MiB EC2's"
                                + " DescribeInstanceTypes reports per GPU / 1024 for chips AWS sells (published 'GB' are not GiB: A10G"
                                + " and L4 22,888 MiB, L40S 45,776, H200 144,384, B200 183,359), the binary size for RTX cards, AWS Neuron"
                                + " pages for Trainium/Inferentia (32 GiB, Trainium2 96 GiB)."),
                new Source(ACCEL_A10G, "NVIDIA A10G (AWS g5): measured tensor throughput", "https://aws.amazon.com/ec2/instance-types/g5/",
                        "2026-07-20", ESTIMATED,
                        "NVIDIA publishes no A10G figure (the A10 is 125 TFLOPS BF16 dense). bf16 70 TFLOPS is the measured figure"
                                + " docs/estimation.md uses. FP32 31.2 TFLOPS, 24 GB (22,888 MiB as EC2 reports it), 600 GB/s, 300 W from public GPU catalogues (e.g."
                                + " huggingface.co/RajBhope/gpu-runtime-predictor gpu_catalog.json; nvidia-smi TDP per AWS's GPU table)."),
                new Source(ACCEL_OTHER, "Other accelerators carried by catalog instance types (outside docs/estimation.md's table)",
                        "https://github.com/aws/karpenter-provider-aws/blob/692ccdd0629e488300821443f0fa0bc3c3e08047/website/content/en/docs/reference/instance-types.md",
                        "2026-07-20", ESTIMATED,
                        "Rules per chip. T4G (g5g): same TU104 part as T4, T4 figures assumed. Radeon-Pro-V520 (g4ad): 7.4 TFLOPS FP32"
                                + " and 8 GB HBM2 (inpact-hardware.com, 2021); FP16 = 2 x FP32 (packed math, no tensor units);"
                                + " bandwidth 512 GB/s assumed (2,048-bit HBM2 at 2 Gbps). B300 (p6-b300): HGX dense figures BF16 2,250, FP8"
                                + " 4,500, FP32 75 TFLOPS, 288 GB HBM3e, 8 TB/s, 1,400 W (glennklockwood.com/garden/processors/B300)."
                                + " RTX-PRO-4500 (g7, RTX PRO 4500 Blackwell Server Edition): 32 GB, 800 GB/s, 165 W (exxactcorp.com"
                                + " benchmark), FP32 54.9, BF16 109.9 / FP8 219.7 dense FP32-accumulate (hmc-tech.com spec table)."
                                + " RTX-PRO-6000 (g7e, RTX PRO 6000 Blackwell Server Edition): 96 GB GDDR7, 1,792 GB/s, FP32 up to 125,"
                                + " 600 W (gpu.name, NVIDIA GTC 2025 figures); BF16 250 / FP8 500 dense derived from the published 4,000 FP4"
                                + " sparse TOPS by halving per sparsity and per precision step, FP32-accumulate (same ratio as RTX PRO"
                                + " 4500). K80 (p2): per GPU (half a board) 4.37 TFLOPS FP32 (8.74 per board), 12 GB, 240 GB/s, 150 W;"
                                + " M60 (g3): per GPU 4.825 TFLOPS, 8 GB, 160.4 GB/s, 150 W; K520 (g2): per GPU 2.45 TFLOPS, 4 GB, 160 GB/s"
                                + " (NVIDIA GRID K520 datasheet, not re-confirmed here). Kepler/Maxwell parts have no fast FP16/BF16:"
                                + " bf16 = FP32 rate. MFU 0.40 B300; 0.35 RTX PRO; 0.30 T4G and older/graphics parts; MBU 0.5."),

                new Source(ACCEL_L4_FRACTIONS, "Fractions of an NVIDIA L4 (EC2 G6f and Gr6f: 1/8, 1/4, 1/2 of a GPU)",
                        "https://aws.amazon.com/about-aws/whats-new/2025/07/amazon-ec2-g6f-instances-fractional-gpus/", "2026-07-20", ESTIMATED,
                        "AWS announced G6f in 2025-07 ('Announcing general availability of Amazon EC2 G6f instances with fractional GPUs'):"
                                + " NVIDIA L4 GPUs partitioned into 1/8, 1/4 and 1/2; Gr6f, the half L4 with more host memory, is in the same"
                                + " reference data. The partitions are NVIDIA vGPU, which needs a GRID driver (third-party guide:"
                                + " gabfssilva.github.io/skyward/guides/fractional-gpus). EC2's DescribeInstanceTypes reports them with a GPU count of 0, the"
                                + " fraction in GpuDeviceInfo.gpuPartitionSize (docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GpuDeviceInfo.html)"
                                + " and the fraction's memory: 2,861, 5,722 and 11,444 MiB (Karpenter's instance-types reference; 1/8, 1/4, 1/2"
                                + " of the L4's 22,888 MiB). Compute, memory bandwidth and board power are the same fraction of the L4's"
                                + " datasheet figures (" + ACCEL_DATASHEETS + "): mlplan's assumption that a partition's time slices give it that"
                                + " share on average; a partition alone on its GPU may run faster, one beside busy neighbours no faster."),
                new Source(EST_SPOT_FROM_ADVISOR, "Spot price derived from the Spot Instance Advisor's savings",
                        "https://aws.amazon.com/ec2/spot/instance-advisor/", "2026-07-20", ESTIMATED,
                        "Where a (region, type) pair has an advisor entry (" + EI_ADVISOR + ", else " + SPOTINFO_ADVISOR + ") but no"
                                + " spot price: spot average = on-demand price of the catalog in that region x (1 - savings% / 100)."
                                + " The advisor's savings is a 30-day average, so this is an average, not the current price; no minimum."),
                new Source(SAGEMAKER_PUBLISHED, "SageMaker hourly instance prices (us-east-1), as AWS's FMBench lists them",
                        "https://github.com/aws-samples/foundation-model-benchmarking-tool/blob/00ef155d0f9c6b999d796f915159d3d622f8233d/src/fmbench/configs/pricing.yml",
                        "2024", PUBLISHED,
                        "aws-samples/foundation-model-benchmarking-tool src/fmbench/configs/pricing.yml, 'SageMaker Hourly Instance Pricing':"
                                + " ml.* real-time endpoint prices beside the EC2 list prices of the same time (p4d.24xlarge $32.7726, before"
                                + " AWS's June 2025 EC2 GPU price cut), so us-east-1 prices of 2024 (the Hugging Face SageMaker benchmark of"
                                + " 2023-09 shows the same ml.p4d.24xlarge $37.69 and ml.g5.12xlarge $7.09). A secondary copy: AWS's price"
                                + " list is the authority ('mlplan catalog refresh --services sagemaker' reads it). Used for training and"
                                + " hosting alike; whether SageMaker's rates followed the 2025 EC2 cut is not established."),
                new Source(EST_SAGEMAKER_REGIONAL, "SageMaker ml.* prices in other regions, from the us-east-1 published price",
                        "https://aws.amazon.com/sagemaker/pricing/", "2026-07-20", ESTIMATED,
                        "Rule: ml.TYPE in a region = the published us-east-1 ml.TYPE price (" + SAGEMAKER_PUBLISHED + ") x the EC2"
                                + " on-demand price of TYPE in that region / its us-east-1 EC2 price (regions differ for SageMaker about as"
                                + " they do for EC2)."),
                new Source(EST_SAGEMAKER, "SageMaker training and real-time hosting ml.* prices derived from EC2 prices",
                        "https://aws.amazon.com/sagemaker/pricing/", "2025-12-05", ESTIMATED,
                        "No SageMaker Training or Hosting price list is in any reachable source (aws-price-watcher SOURCE.txt: only"
                                + " the Studio-Notebook component). Rule: ml.TYPE price = EC2 on-demand price of TYPE in the region x"
                                + " SageMaker's markup over EC2 as the Studio-notebook price list (2025-12-05) shows it for the same type"
                                + " and region; where that list lacks the type, the median markup of its family; else the median of all"
                                + " (about 1.15-1.40x; e.g. ml.g5.xlarge 1.41 vs EC2 1.006, ml.p4d.24xlarge 25.25 vs 21.96). Training and"
                                + " hosting get the same figure; only in the regions the notebook list covers, and only for"
                                + " SAGEMAKER_FAMILIES. Refresh replaces them with published figures (sagemaker.training|hosting.ml.TYPE.hour)."),
                new Source(EST_SM_SERVERLESS, "SageMaker Serverless Inference compute price",
                        "https://aws.amazon.com/sagemaker/pricing/", "2025-12-05", ESTIMATED,
                        "USD 0.00002 per GB-second of memory configured x duration in us-east-1 (1,024 MB: USD 0.0000200 per second),"
                                + " as the SageMaker pricing page lists it; not in the reference data, so marked estimated. Data processed"
                                + " (about USD 0.016 per GB in and out) is not priced."),
                new Source(EST_SAVINGS_PLANS, "Savings Plans rates derived from Reserved Instance rates",
                        "https://aws.amazon.com/savingsplans/compute-pricing/", "2026-07-20", ESTIMATED,
                        "No per-instance Savings Plans rates are in any reachable source. Rule: Compute SP 1y/3y = the 1y/3y no-upfront"
                                + " CONVERTIBLE RI effective rate; EC2 Instance SP 1y/3y = the 1y/3y no-upfront STANDARD RI effective rate"
                                + " (" + EI_RESERVED + "), written only where that RI rate exists. Basis: AWS prices Compute SP like"
                                + " convertible RIs and Instance SP like standard RIs, with the same ceilings (Compute SP up to 66%, EC2"
                                + " Instance SP up to 72% off, AWS pricing pages). The June 2025 GPU price cut (AWS News Blog 2025-06-05:"
                                + " P4d/P4de -31% Instance SP 1y / -25% 3y / -31% Compute SP 1y; P5 -45% Instance SP 3y, -44% Compute SP 1y,"
                                + " -25% Compute SP 3y) is only a percentage of an unknown pre-cut SP rate and is not applied; the RI"
                                + " snapshot (2025-11-30) already postdates the cut. Treat as an approximation within a few percent."),
                new Source(EST_LAMBDA_LOAD_FACTOR, "Model loading memory overhead", "https://pytorch.org/docs/stable/generated/torch.load.html",
                        "2026-07-20", ESTIMATED,
                        "A PyTorch model needs about 2x its weight size in memory while loading (cloud ML-systems lecture figure"
                                + " quoted in docs/limits.md); not an AWS limit."));
    }
}
