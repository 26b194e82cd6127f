package dev.mlplan.catalog.build;

import static dev.mlplan.catalog.build.Sources.*;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.catalog.Limit;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import java.util.List;
import java.util.Map;

/**
 * Figures that are not in the reference CSVs: the accelerator table (docs/estimation.md, Accelerators, plus
 * the chips other catalog types carry), service limits and EBS volume limits (docs/limits.md), and
 * the us-east-1 service prices of docs/limits.md used where the price files lack an item.
 */
final class StaticFacts {
    private StaticFacts() {}

    /**
     * @param memMiB memory per chip in MiB, exactly as EC2's DescribeInstanceTypes reports it
     *     (GpuInfo.Gpus[].MemoryInfo.SizeInMiB) for the chips AWS sells; the datasheet's binary size for the
     *     others. Published "24 GB" is not 24 GiB: an A10G or L4 has 22,888 MiB = 22.35 GiB, an L40S
     *     45,776 MiB. This is the one figure of a chip's memory: the builder derives every instance
     *     type's accelerator memory from it, and the fit checks read it (docs/estimation.md).
     */
    private static Accelerator gpu(String name, int memMiB, double bwGBs, double fp32, double bf16, double fp8,
            double int8, double mfu, double tdp, String source) {
        return new Accelerator(name, "gpu", memMiB / 1024.0, bwGBs, fp32, bf16, fp8, int8, mfu, 0.5, tdp, source);
    }

    /**
     * The same chip with another decode MBU default: 0.6 for H100-class on 2 GPUs and 0.55 for A100 on 4
     * (Databricks, "LLM inference performance engineering"; docs/estimation.md), 0.5 for other GPUs.
     */
    private static Accelerator decodeMbu(Accelerator a, double mbu) {
        return new Accelerator(a.name(), a.kind(), a.memoryGiB(), a.bandwidthGBs(), a.fp32Tflops(), a.bf16Tflops(), a.fp8Tflops(),
                a.int8Tops(), a.defaultMfu(), mbu, a.tdpWatts(), a.source());
    }

    /** @param memMiB device memory per chip in MiB (AWS Neuron hardware pages: 32 GiB Trainium1/Inferentia2, 96 GiB Trainium2) */
    private static Accelerator neuron(String name, String kind, int memMiB, double bwGBs, double fp32, double bf16,
            double fp8, double int8, double mfu) {
        return new Accelerator(name, kind, memMiB / 1024.0, bwGBs, fp32, bf16, fp8, int8, mfu, 0.4, 0, ACCEL_DATASHEETS);
    }

    /**
     * One {@code 1/parts} of {@code chip} (EC2 g6f/gr6f: {@link Sources#ACCEL_L4_FRACTIONS}), named "L4-1/8":
     * memory as EC2 reports it (the chip's MiB ÷ parts, 2,861 MiB for an eighth of an L4), and the same share
     * of the chip's peaks, bandwidth and board power; the chip's MFU and MBU defaults.
     */
    private static Accelerator fraction(Accelerator chip, int parts, int memMiB) {
        return new Accelerator(chip.name() + "-1/" + parts, chip.kind(), memMiB / 1024.0, chip.bandwidthGBs() / parts, chip.fp32Tflops() / parts,
                chip.bf16Tflops() / parts, chip.fp8Tflops() / parts, chip.int8Tops() / parts, chip.defaultMfu(), chip.defaultMbu(),
                chip.tdpWatts() / parts, ACCEL_L4_FRACTIONS);
    }

    /** The accelerator table; keys are what {@code InstanceType.Accelerators#name} refers to. */
    static List<Accelerator> accelerators() {
        Accelerator l4 = gpu("L4", 22888, 300, 30.3, 121, 242.5, 0, 0.35, 72, ACCEL_DATASHEETS);
        return List.of(
                gpu("V100", 16384, 900, 15.7, 125, 0, 0, 0.30, 300, ACCEL_DATASHEETS),
                gpu("V100-32GB", 32768, 900, 15.7, 125, 0, 0, 0.30, 300, ACCEL_DATASHEETS),
                gpu("T4", 16384, 320, 8.1, 65, 0, 130, 0.30, 70, ACCEL_DATASHEETS),
                gpu("A10G", 22888, 600, 31.2, 70, 0, 0, 0.35, 300, ACCEL_A10G),
                l4,
                // g6f and gr6f: EC2 reports 2,861, 5,722 and 11,444 MiB (Karpenter's instance-types reference)
                fraction(l4, 8, 2861),
                fraction(l4, 4, 5722),
                fraction(l4, 2, 11444),
                gpu("L40S", 45776, 864, 91.6, 362, 733, 0, 0.35, 350, ACCEL_DATASHEETS),
                decodeMbu(gpu("A100-40GB", 40960, 1555, 19.5, 312, 0, 624, 0.40, 400, ACCEL_DATASHEETS), 0.55),
                decodeMbu(gpu("A100-80GB", 81920, 2039, 19.5, 312, 0, 624, 0.40, 400, ACCEL_DATASHEETS), 0.55),
                decodeMbu(gpu("H100", 81920, 3350, 67, 989, 1979, 1979, 0.40, 700, ACCEL_DATASHEETS), 0.6),
                decodeMbu(gpu("H200", 144384, 4800, 67, 989, 1979, 1979, 0.40, 700, ACCEL_DATASHEETS), 0.6),
                decodeMbu(gpu("B200", 183359, 8000, 80, 2250, 4500, 4500, 0.40, 1000, ACCEL_DATASHEETS), 0.6),
                neuron("Trainium1", "trainium", 32768, 820, 47.5, 190, 0, 0, 0.33),
                neuron("Trainium2", "trainium", 98304, 2900, 181, 667, 1299, 0, 0.30),
                neuron("Inferentia1", "inferentia", 8192, 50, 0, 64, 0, 128, 0.25),
                neuron("Inferentia2", "inferentia", 32768, 820, 47.5, 190, 0, 0, 0.25),
                gpu("RTX-4090", 24576, 1008, 82.6, 165, 0, 0, 0.35, 450, ACCEL_DATASHEETS),
                gpu("RTX-5090", 32768, 1792, 105, 210, 0, 0, 0.35, 575, ACCEL_DATASHEETS),
                // chips of other catalog instance types (rules in the ACCEL_OTHER note)
                gpu("T4G", 16384, 320, 8.1, 65, 0, 130, 0.30, 70, ACCEL_OTHER),
                gpu("Radeon-Pro-V520", 8192, 512, 7.4, 14.8, 0, 0, 0.30, 0, ACCEL_OTHER),
                decodeMbu(gpu("B300", 275040, 8000, 75, 2250, 4500, 4500, 0.40, 1400, ACCEL_OTHER), 0.6),
                gpu("RTX-PRO-4500", 32768, 800, 54.9, 109.9, 219.7, 0, 0.35, 165, ACCEL_OTHER),
                gpu("RTX-PRO-6000", 98304, 1792, 125, 250, 500, 0, 0.35, 600, ACCEL_OTHER),
                gpu("K80", 12288, 240, 4.37, 4.37, 0, 0, 0.30, 150, ACCEL_OTHER),
                gpu("M60", 8192, 160.4, 4.825, 4.825, 0, 0, 0.30, 150, ACCEL_OTHER),
                gpu("K520", 4096, 160, 2.45, 2.45, 0, 0, 0.30, 0, ACCEL_OTHER));
    }

    /**
     * SageMaker hourly ml.* prices in us-east-1 ({@link Sources#SAGEMAKER_PUBLISHED}), USD per instance-hour,
     * keyed by the EC2 type the ml.* type runs on.
     */
    static Map<String, Double> sageMakerUsEast1() {
        return Map.ofEntries(Map.entry("m5.xlarge", 0.23), Map.entry("g5.xlarge", 1.4084), Map.entry("g5.2xlarge", 1.515),
                Map.entry("g5.12xlarge", 7.09), Map.entry("g5.24xlarge", 10.18), Map.entry("g5.48xlarge", 20.36),
                Map.entry("inf2.xlarge", 0.99), Map.entry("inf2.8xlarge", 2.36), Map.entry("inf2.24xlarge", 7.79),
                Map.entry("inf2.48xlarge", 15.58), Map.entry("trn1.32xlarge", 28.497), Map.entry("p4d.24xlarge", 37.688),
                Map.entry("p5.48xlarge", 113.068), Map.entry("p3.2xlarge", 3.825), Map.entry("g4dn.12xlarge", 4.89),
                Map.entry("g6.2xlarge", 1.222), Map.entry("g6.16xlarge", 4.246), Map.entry("g6.12xlarge", 5.752),
                Map.entry("g6.24xlarge", 8.344), Map.entry("g6.48xlarge", 16.688));
    }

    /**
     * EC2 Capacity Blocks for ML rates, USD per instance-hour ({@link Sources#AWS_CAPACITY_BLOCKS}): the
     * region, the type and the rate, as the 2026-01-31 copy of AWS's pricing page lists them.
     */
    static List<Price> capacityBlockPrices() {
        String[][] rows = {
            {"us-east-1", "p5.48xlarge", "31.464"}, {"us-east-1", "p5en.48xlarge", "41.612"}, {"us-east-1", "p4d.24xlarge", "11.8"},
            {"us-east-1", "p4de.24xlarge", "14.7663"}, {"us-east-1", "trn1.32xlarge", "9.532"}, {"us-east-1", "p6-b200.48xlarge", "74.88"},
            {"us-east-2", "p6-b200.48xlarge", "74.88"}, {"us-east-2", "p5e.48xlarge", "39.799"}, {"us-east-2", "trn2.48xlarge", "35.7608"},
            {"us-west-2", "p6-b200.48xlarge", "74.88"}, {"us-west-2", "p5e.48xlarge", "39.799"}, {"us-west-2", "p6-b300.48xlarge", "93.6"},
            {"us-west-1", "p5.48xlarge", "39.33"}, {"us-west-1", "p5en.48xlarge", "52.015"},
        };
        List<Price> out = new java.util.ArrayList<>();
        for (String[] r : rows) {
            out.add(new Price(r[0], r[1], PricingModel.CAPACITY_BLOCK, Double.parseDouble(r[2]), 0, AWS_CAPACITY_BLOCKS));
        }
        return List.copyOf(out);
    }

    /** Every limit id mlplan's rules rely on, with its docs/limits.md value. */
    static List<Limit> limits() {
        return List.of(
                new Limit("lambda.memory.min", 128, "MB", "Lambda function memory, minimum (1 MB steps)", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.memory.max", 10240, "MB", "Lambda function memory, maximum", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.timeout", 900, "s", "Lambda function timeout (15 min), cannot be extended", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.ephemeral.max", 10240, "MB", "Lambda /tmp ephemeral storage, maximum (512 MB default)", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.package.zip", 50, "MB", "Lambda deployment package, zipped, direct upload", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.package.unzipped", 250, "MB", "Lambda deployment package unzipped, including layers", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.image.max", 10240, "MB", "Lambda container image size (10 GB)", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.payload.sync", 6, "MB", "Lambda synchronous invocation payload", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.payload.async", 1, "MB", "Lambda asynchronous invocation payload (raised from 256 KB in Oct 2025)", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.concurrency.default", 1000, "count", "Lambda concurrent executions per region, default quota (new accounts may get less)", AWS_LAMBDA_QUOTAS),
                new Limit("lambda.mb-per-vcpu", 1769, "MB", "Lambda memory that buys one vCPU", AWS_LAMBDA_MEMORY),
                new Limit("lambda.vcpu.max", 6, "vCPU", "Lambda vCPUs at maximum memory", AWS_LAMBDA_MEMORY),
                new Limit("lambda.model-load-factor", 2, "x", "memory needed while loading a model, as a multiple of its weight size", EST_LAMBDA_LOAD_FACTOR),
                new Limit("sagemaker-serverless.memory.min", 1024, "MB", "SageMaker Serverless Inference memory, minimum (1 GB steps)", AWS_SM_SERVERLESS),
                new Limit("sagemaker-serverless.memory.max", 6144, "MB", "SageMaker Serverless Inference memory, maximum", AWS_SM_SERVERLESS),
                new Limit("sagemaker-serverless.concurrency.max", 200, "count", "SageMaker Serverless Inference MaxConcurrency per endpoint", AWS_SM_SERVERLESS),
                new Limit("sagemaker-serverless.payload", 4, "MB", "SageMaker Serverless Inference request payload", AWS_SM_SERVERLESS),
                new Limit("sagemaker-serverless.timeout", 60, "s", "SageMaker Serverless Inference time per invocation", AWS_SM_SERVERLESS),
                new Limit("fargate.vcpu.max", 16, "vCPU", "Fargate task vCPUs, maximum (Linux, platform 1.4.0+)", AWS_FARGATE),
                new Limit("fargate.memory.max", 120, "GB", "Fargate task memory, maximum (with 16 vCPU: 32-120 GB in 8 GB steps)", AWS_FARGATE),
                new Limit("fargate.ephemeral.max", 200, "GiB", "Fargate task ephemeral storage, maximum (20 GiB default)", AWS_FARGATE),
                new Limit("s3.prefix.get-rate", 5500, "requests/s", "S3 GET/HEAD requests per second per partitioned prefix", AWS_S3_REQUEST_RATE),
                new Limit("s3.prefix.put-rate", 3500, "requests/s", "S3 PUT/COPY/POST/DELETE requests per second per partitioned prefix", AWS_S3_REQUEST_RATE),
                new Limit("s3.object.max", 50, "TB", "S3 maximum object size (raised from 5 TB in Dec 2025; third-party reports)", AWS_S3_OBJECT_SIZE),
                new Limit("efs.elastic.read.max", 10, "GiB/s", "EFS elastic throughput, read, per file system (3-10 GiB/s by region)", AWS_EFS_PERFORMANCE),
                new Limit("efs.elastic.write.max", 3, "GiB/s", "EFS elastic throughput, write, per file system (1-3 GiB/s by region)", AWS_EFS_PERFORMANCE),
                new Limit("efs.client.max", 500, "MiB/s", "EFS throughput per client", AWS_EFS_PERFORMANCE),
                new Limit("spot.notice", 120, "s", "Spot interruption notice", AWS_SPOT_NOTICE),
                new Limit("ebs.multi-attach.max", 16, "instances", "instances one io1/io2 volume can attach to (Nitro, same AZ)", AWS_EBS_MULTI_ATTACH));
    }

    /** EBS volume types per docs/limits.md (EBS) (2025 gp3 limits). */
    static List<EbsVolumeType> ebsVolumeTypes() {
        return List.of(
                new EbsVolumeType("gp2", 1, 16384, 16000, 250, 0, 0, 3, 1, AWS_EBS_VOLUME_TYPES),
                new EbsVolumeType("gp3", 1, 65536, 80000, 2000, 3000, 125, 500, 1, AWS_EBS_VOLUME_TYPES),
                new EbsVolumeType("io1", 4, 16384, 64000, 1000, 0, 0, 50, 16, AWS_EBS_VOLUME_TYPES),
                new EbsVolumeType("io2", 4, 65536, 256000, 4000, 0, 0, 1000, 16, AWS_EBS_VOLUME_TYPES),
                new EbsVolumeType("sc1", 125, 16384, 250, 250, 0, 0, 0, 1, AWS_EBS_VOLUME_TYPES),
                new EbsVolumeType("st1", 125, 16384, 500, 500, 0, 0, 0, 1, AWS_EBS_VOLUME_TYPES));
    }

    /**
     * us-east-1 service prices as docs/limits.md gives them. The builder uses each only where the price
     * files lack the item in us-east-1, and warns when a price file disagrees with one.
     */
    static List<ServicePrice> limitsMdUsEast1Prices() {
        String r = "us-east-1";
        return List.of(
                new ServicePrice("lambda.x86.gb-second", r, 0.0000166667, "GB-second", AWS_LAMBDA_PRICING),
                new ServicePrice("lambda.arm.gb-second", r, 0.0000133334, "GB-second", AWS_LAMBDA_PRICING),
                new ServicePrice("lambda.requests", r, 0.20, "1M requests", AWS_LAMBDA_PRICING),
                new ServicePrice("s3.standard.gb-month", r, 0.023, "GB-month", AWS_S3_PRICING),
                new ServicePrice("s3.standard.gb-month.next-450tb", r, 0.022, "GB-month", AWS_S3_PRICING),
                new ServicePrice("s3.standard.gb-month.over-500tb", r, 0.021, "GB-month", AWS_S3_PRICING),
                new ServicePrice("s3.standard-ia.gb-month", r, 0.0125, "GB-month", AWS_S3_PRICING),
                new ServicePrice("s3.onezone-ia.gb-month", r, 0.01, "GB-month", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-ir.gb-month", r, 0.004, "GB-month", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-flexible.gb-month", r, 0.0036, "GB-month", AWS_S3_PRICING),
                new ServicePrice("s3.deep-archive.gb-month", r, 0.00099, "GB-month", AWS_S3_PRICING),
                new ServicePrice("s3.put.per-1k", r, 0.005, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.get.per-1k", r, 0.0004, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.standard-ia.get.per-1k", r, 0.001, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.standard-ia.put.per-1k", r, 0.01, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.standard-ia.retrieval.gb", r, 0.01, "GB", AWS_S3_PRICING),
                new ServicePrice("s3.onezone-ia.get.per-1k", r, 0.001, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.onezone-ia.put.per-1k", r, 0.01, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.onezone-ia.retrieval.gb", r, 0.01, "GB", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-ir.get.per-1k", r, 0.01, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-ir.put.per-1k", r, 0.02, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-ir.retrieval.gb", r, 0.03, "GB", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-flexible.get.per-1k", r, 0.0004, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-flexible.put.per-1k", r, 0.03, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-flexible.retrieval.gb", r, 0.01, "GB", AWS_S3_PRICING),
                new ServicePrice("s3.glacier-flexible.restore.per-1k", r, 0.05, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.deep-archive.get.per-1k", r, 0.0004, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.deep-archive.put.per-1k", r, 0.05, "1k requests", AWS_S3_PRICING),
                new ServicePrice("s3.deep-archive.retrieval.gb", r, 0.02, "GB", AWS_S3_PRICING),
                new ServicePrice("s3.deep-archive.restore.per-1k", r, 0.10, "1k requests", AWS_S3_PRICING),
                new ServicePrice("ebs.gp3.gb-month", r, 0.08, "GB-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.gp3.iops-month", r, 0.005, "IOPS-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.gp3.mibps-month", r, 0.04, "MiB/s-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.gp2.gb-month", r, 0.10, "GB-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.io1.gb-month", r, 0.125, "GB-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.io1.iops-month", r, 0.065, "IOPS-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.io2.gb-month", r, 0.125, "GB-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.io2.iops-month", r, 0.065, "IOPS-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.io2.iops-month.32k-64k", r, 0.0455, "IOPS-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.io2.iops-month.over-64k", r, 0.03185, "IOPS-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.st1.gb-month", r, 0.045, "GB-month", AWS_EBS_PRICING),
                new ServicePrice("ebs.sc1.gb-month", r, 0.015, "GB-month", AWS_EBS_PRICING),
                new ServicePrice("efs.standard.gb-month", r, 0.30, "GB-month", AWS_EFS_PRICING),
                new ServicePrice("fsx-lustre.persistent-2-125.gb-month", r, 0.145, "GB-month", AWS_FSX_LUSTRE_PRICING),
                new ServicePrice("transfer.cross-az.gb", r, 0.01, "GB", AWS_DATA_TRANSFER),
                new ServicePrice("transfer.cross-region.gb", r, 0.02, "GB", AWS_DATA_TRANSFER),
                new ServicePrice("transfer.internet.gb", r, 0.09, "GB", AWS_DATA_TRANSFER),
                // issue 20 items 1-3: front doors, S3 access paths, control plane and logs (docs/bill.md)
                new ServicePrice("apigw.http.requests", r, 1.00, "1M requests", AWS_API_GATEWAY_PRICING),
                new ServicePrice("apigw.rest.requests", r, 3.50, "1M requests", AWS_API_GATEWAY_PRICING),
                new ServicePrice("alb.hour", r, 0.0225, "hour", AWS_ELB_PRICING),
                new ServicePrice("alb.lcu-hour", r, 0.008, "LCU-hour", AWS_ELB_PRICING),
                new ServicePrice("nlb.hour", r, 0.0225, "hour", AWS_ELB_PRICING),
                new ServicePrice("nlb.nlcu-hour", r, 0.006, "NLCU-hour", AWS_ELB_PRICING),
                new ServicePrice("nat.hour", r, 0.045, "hour", AWS_VPC_PRICING),
                new ServicePrice("nat.gb", r, 0.045, "GB", AWS_VPC_PRICING),
                new ServicePrice("vpce.interface.az-hour", r, 0.01, "AZ-hour", AWS_PRIVATELINK_PRICING),
                new ServicePrice("vpce.interface.gb", r, 0.01, "GB", AWS_PRIVATELINK_PRICING),
                new ServicePrice("eks.cluster-hour", r, 0.10, "cluster-hour", AWS_EKS_PRICING),
                new ServicePrice("logs.ingest.gb", r, 0.50, "GB", AWS_CLOUDWATCH_PRICING),
                new ServicePrice("logs.store.gb-month", r, 0.03, "GB-month", AWS_CLOUDWATCH_PRICING));
    }
}
