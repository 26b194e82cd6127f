package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 items 1, 2, 3 and 7 in whole plans: the front door in each option, NAT processing on every
 * byte a training part reads, the EKS control plane once per file, and the split of the total by
 * category. Figures by hand from the us-east-1 list prices of docs/bill.md.
 */
class BillPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode plan(String yaml, String... files) throws Exception {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, yaml);
        String[] args = new String[4 + files.length];
        args[0] = "recommend";
        args[1] = f.toString();
        System.arraycopy(files, 0, args, 2, files.length);
        args[args.length - 2] = "--format";
        args[args.length - 1] = "json";
        CliRun r = CliRun.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static final String TRAINING = """
            version: 2
            name: bill
            orchestration: eks
            network: { s3_access: nat-gateway }
            constraints: { families: { include: [g5] }, allow_spot: false }
            training:
              model: { preset: llama-2-7b }
              method: lora
              dataset: { size: 40 GB, tokens: 10M }
              epochs: 3
              runs_per_month: 2
            """;

    @Test
    void aTrainingPartThroughANatGatewayPaysEveryByteItReadsAndIsToldWhatAGatewayEndpointSaves() throws Exception {
        JsonNode w = plan(TRAINING).at("/workloads/0");
        JsonNode ec2 = null;
        for (JsonNode o : w.at("/parts/0/options")) {
            if (o.get("service").asText().equals("ec2")) {
                ec2 = o;
                break;
            }
        }
        assertThat(ec2).isNotNull();
        // 40 GB × 3 epochs × 2 runs = 240 GB × $0.045 = $10.80 processed
        JsonNode processed = null;
        JsonNode hours = null;
        for (JsonNode c : ec2.get("costs")) {
            if (c.get("name").asText().equals("NAT gateway data processed [S3 reads]")) {
                processed = c;
            }
            if (c.get("name").asText().startsWith("NAT gateway hours")) {
                hours = c;
            }
        }
        assertThat(processed.get("quantity").asDouble()).isCloseTo(240, within(1e-9));
        assertThat(processed.get("monthlyUsd").asDouble()).isCloseTo(10.80, within(1e-9));
        assertThat(processed.get("category").asText()).isEqualTo("network");
        // the NAT gateway's hours are the VPC's, not the option's: no hours line on the option
        assertThat(hours).isNull();
        assertThat(ec2.get("notes").toString()).contains("a gateway endpoint (network.s3_access: gateway-endpoint, free) would save $10.80 a month"
                + " of processing here, and the NAT gateway's hours, $32.85 a month (a workload line, once per file), would go too");
        // the per-run cost carries half of the month's NAT processing
        double lines = 0;
        for (JsonNode c : ec2.get("costs")) {
            lines += c.get("monthlyUsd").asDouble();
        }
        assertThat(ec2.get("monthlyUsd").asDouble()).isCloseTo(lines, within(1e-9));
        assertThat(ec2.get("usdPerRun").asDouble() * 2).isCloseTo(lines, within(1e-6));
    }

    /** Every NAT-hours line of a plan, the workload's and its options'. */
    private static double natHours(JsonNode w, boolean optionsToo) {
        double h = 0;
        for (JsonNode c : w.get("costs")) {
            if (c.get("name").asText().startsWith("NAT gateway hours")) {
                h += c.get("quantity").asDouble();
            }
        }
        if (optionsToo) {
            for (JsonNode p : w.get("parts")) {
                for (JsonNode o : p.get("options")) {
                    for (JsonNode c : o.get("costs")) {
                        if (c.get("name").asText().startsWith("NAT gateway hours")) {
                            h += c.get("quantity").asDouble();
                        }
                    }
                }
            }
        }
        return h;
    }

    @Test
    void theNatGatewayHoursAreCountedOncePerFileAndTheWarningGivesWhatTheSwitchSaves() throws Exception {
        String both = Files.readString(Path.of("workloads/private-vpc-eks.yaml"));
        JsonNode nat = plan(both).at("/workloads/0");
        // one NAT gateway in 1 AZ (availability single, the default) all month: 730 h × $0.045 = $32.85, and no option carries hours
        // (before: training 136 h and inference 730 h, 866 h for one AZ)
        assertThat(natHours(nat, true)).isCloseTo(730, within(1e-9));
        double hoursUsd = 0;
        for (JsonNode c : nat.get("costs")) {
            if (c.get("name").asText().startsWith("NAT gateway hours")) {
                hoursUsd += c.get("monthlyUsd").asDouble();
                assertThat(c.get("category").asText()).isEqualTo("network");
            }
        }
        assertThat(hoursUsd).isCloseTo(32.85, within(1e-9));
        JsonNode gw = plan(both.replace("s3_access: nat-gateway", "s3_access: gateway-endpoint")).at("/workloads/0");
        assertThat(natHours(gw, true)).isZero();
        // the switch removes the rank-1 options' NAT processing ($43.38: training 120 GB × 2 epochs × 4 runs = 960 GB, and
        // the inference fleet's model downloads) and the $32.85 of hours: $796.57 − $720.34 = $76.23
        double saving = nat.get("monthlyUsd").asDouble() - gw.get("monthlyUsd").asDouble();
        assertThat(saving).isCloseTo(76.23, within(0.005));
        assertThat(nat.get("warnings").toString()).contains("a gateway endpoint (gateway-endpoint, free) would save $76.23 a month: $43.38 of NAT"
                + " processing on the best options and $32.85 of NAT gateway hours");
    }

    @Test
    void explainShowsTheWorkloadLinesAndTheSplitSoItsLinesAddUpToTheTotal() throws Exception {
        CliRun r = CliRun.run("explain", "workloads/private-vpc-eks.yaml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        // the workload lines (as recommend's table prints them): EKS 730 h × $0.10 = $73.00, NAT hours 730 × $0.045 = $32.85,
        // logs 50/s × 3,600 × 730 h = 131.4 M requests × 2 kB = 262.8 GB × $0.50 = $131.40 ingested,
        // 262.8 × 0.15 × 90 d (2,160 h ÷ 730 = 2.9589 months) = 116.64 GB-months × $0.03 = $3.50 stored
        assertThat(out).contains("WORKLOAD (once per file, whichever options the parts take)")
                .contains("  - EKS control plane [1 cluster]: 730 cluster-hours × $0.1 = $73.00")
                .contains("  - NAT gateway hours [1 AZ, all month]: 730 hours × $0.045 = $32.85")
                .contains("= $131.40").contains("= $3.50");
        // the total and its split are recommend's
        JsonNode w = plan(Files.readString(Path.of("workloads/private-vpc-eks.yaml"))).at("/workloads/0");
        String total = dev.mlplan.util.Fmt.usd(w.get("monthlyUsd").asDouble());
        assertThat(total).isEqualTo("$796.57");
        assertThat(out).contains("MONTHLY TOTAL  " + total).contains("  by category: compute $488.13 · storage $0.00 · network $76.23 · front door $24.31 · operations $207.90");
        // the split adds up: 488.13 + 0.0025 (the model's 0.107 GB in S3) + 76.23 + 24.31 + 207.90 = 796.57
        assertThat(out.indexOf("WORKLOAD (once per file")).isLessThan(out.indexOf("MONTHLY TOTAL"));
    }

    @Test
    void multiAzDoublesTheWorkloadsNatHoursOnceNotPerPart() throws Exception {
        String multi = Files.readString(Path.of("workloads/private-vpc-eks.yaml")).replace("  front: nlb\n", "  front: nlb\n  availability: multi-az\n");
        assertThat(multi).contains("multi-az");
        JsonNode w = plan(multi).at("/workloads/0");
        // 2 AZs × 730 h = 1,460 h × $0.045 = $65.70, once for the file
        assertThat(natHours(w, true)).isCloseTo(1460, within(1e-9));
    }

    @Test
    void theEksControlPlaneIsCountedOncePerFileAndTheSplitAddsUpToTheTotal() throws Exception {
        String two = TRAINING.replace("training:\n", "inference:\n  - name: a\n    model: { preset: distilbert }\n    traffic: { average: 5/s }\n"
                + "  - name: b\n    model: { preset: distilbert }\n    traffic: { average: 5/s }\ntraining:\n");
        JsonNode w = plan(two).at("/workloads/0");
        int eks = 0;
        for (JsonNode c : w.get("costs")) {
            if (c.get("name").asText().startsWith("EKS control plane")) {
                eks++;
                // 730 h × $0.10 = $73.00
                assertThat(c.get("monthlyUsd").asDouble()).isCloseTo(73.0, within(1e-9));
            }
        }
        assertThat(eks).isEqualTo(1);
        double sum = 0;
        for (JsonNode p : w.get("parts")) {
            sum += p.at("/options/0/monthlyUsd").asDouble();
        }
        for (JsonNode c : w.get("costs")) {
            sum += c.get("monthlyUsd").asDouble();
        }
        assertThat(w.get("monthlyUsd").asDouble()).isCloseTo(sum, within(1e-6));
        double split = 0;
        for (JsonNode v : w.get("byCategory")) {
            split += v.asDouble();
        }
        assertThat(split).isCloseTo(w.get("monthlyUsd").asDouble(), within(1e-6));
        assertThat(w.get("byCategory").get("operations").asDouble()).isGreaterThanOrEqualTo(73.0);
    }

    @Test
    void eachServiceGetsItsFrontDoorAndThePortfolioSplitsAcrossFiles() throws Exception {
        JsonNode plan = plan(TRAINING, "workloads/tiny-sporadic.yaml");
        JsonNode tiny = plan.at("/workloads/1/parts/0/options");
        for (JsonNode o : tiny) {
            String names = o.get("costs").toString();
            switch (o.get("service").asText()) {
                // the default for Lambda: an HTTP API, $1.00 per million requests
                case "lambda" -> assertThat(names).contains("API Gateway HTTP API requests");
                case "ec2", "fargate" -> assertThat(names).contains("Application Load Balancer hours");
                case "sagemaker-serverless", "sagemaker-endpoint" -> assertThat(names).doesNotContain("API Gateway", "Load Balancer");
                default -> { }
            }
        }
        JsonNode portfolio = plan.get("portfolio");
        double split = 0;
        for (JsonNode v : portfolio.get("byCategory")) {
            split += v.asDouble();
        }
        assertThat(split).isCloseTo(portfolio.get("monthlyUsd").asDouble(), within(1e-6));
    }

    @Test
    void aMisspelledFrontDoorIsRefusedWithItsPlaceAndASuggestion() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "version: 2\nname: bad\ninference:\n  model: { preset: distilbert }\n  traffic: { average: 1/s }\n  front: api-gatway-rest\n");
        CliRun r = CliRun.run("validate", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:6:").contains("api-gateway-rest");
    }
}
