package dev.mlplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real {@code ./mlplan} launcher as a child process, as a user or a CI job runs it.
 * Runs after {@code package} (Maven failsafe), so the launcher finds an up-to-date jar.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result mlplan(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("mlplan").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("mlplan-out", ".txt");
        Path err = Files.createTempFile("mlplan-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mlplan " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The build's outputs: the catalog's binary form in mlplan.jar, the AWS SDK in its own jar on mlplan.jar's Class-Path. */
    @Test
    void theJarHoldsTheCatalogAndTheSdkJarTheSdk() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(ROOT.resolve("target/mlplan.jar").toFile())) {
            assertThat(jar.getEntry("dev/mlplan/catalog/aws-catalog.bin")).isNotNull();
            assertThat(jar.getEntry("dev/mlplan/catalog/aws/CatalogRefresher.class")).isNotNull();
            assertThat(jar.getEntry("dev/mlplan/build/EmbeddedCatalogBinary.class")).as("build-time tools stay out of the jar").isNull();
            assertThat(jar.stream().filter(e -> e.getName().startsWith("software/amazon/")).count()).isZero();
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isEqualTo("lib/mlplan-aws-sdk.jar");
        }
        try (java.util.zip.ZipFile sdk = new java.util.zip.ZipFile(ROOT.resolve("target/lib/mlplan-aws-sdk.jar").toFile())) {
            assertThat(sdk.getEntry("software/amazon/awssdk/services/pricing/PricingClient.class")).isNotNull();
            assertThat(sdk.getEntry("software/amazon/awssdk/services/ec2/Ec2Client.class")).isNotNull();
            assertThat(sdk.stream().filter(e -> e.getName().startsWith("dev/mlplan/")).count()).as("mlplan's classes are in mlplan.jar only").isZero();
        }
    }

    /** recommend loads no AWS SDK class (refresh only), and every mlplan class from the launcher's archive. */
    @Test
    void recommendLoadsItsClassesFromTheArchiveAndNoAwsSdk() throws Exception {
        Path log = tmp.resolve("classes.log");
        Result r = mlplan(Map.of("MLPLAN_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "recommend", "workloads/tiny-sporadic.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).hasSizeGreaterThan(500).anyMatch(l -> l.contains(" dev.mlplan.plan.Planner "));
        assertThat(loaded).noneMatch(l -> l.contains(" software.amazon."));
        // lambdas that implement picocli's interfaces are generated at run time, not archived
        assertThat(loaded.stream().filter(l -> l.contains(" dev.mlplan.") && !l.contains("$$Lambda")).toList()).isNotEmpty()
                .allMatch(l -> l.contains("source: shared objects file"));
    }

    /** One class-data-sharing archive, target/mlplan.jsa, for every command line. {@code -Xlog:cds} names the archive the JVM opened. */
    @Test
    void everyCommandLineMapsTheOneArchive() throws Exception {
        Path plan = tmp.resolve("plan.json");
        String w = "workloads/tiny-sporadic.yaml";
        assertThat(mlplan(Map.of(), "recommend", w, "--format", "json", "--output", plan.toString()).code()).isZero();
        assertThat(ROOT.resolve("target/mlplan.jsa")).isRegularFile();
        List<List<String>> lines = List.of(List.of("recommend", w), List.of("check", w), List.of("--version"), List.of("recommend", w, "--format", "csv"),
                List.of("recommend", "--help"), List.of("report", "--from", plan.toString()), List.of("catalog", "info"));
        for (List<String> line : lines) {
            Result r = mlplan(Map.of("MLPLAN_JAVA_OPTS", "-Xlog:cds=info,class+load=info:file=" + tmp.resolve("cds.log")), line.toArray(String[]::new));
            assertThat(r.code()).as(line + ": " + r.err()).isIn(0, 1);
            // the archive opened, and used: the JVM logs "Opened" before it validates an archive
            assertThat(Files.readString(tmp.resolve("cds.log"))).as(String.join(" ", line))
                    .contains("Opened archive " + ROOT.resolve("target/mlplan.jsa") + ".")
                    .contains(" dev.mlplan.cli.Main source: shared objects file");
        }
    }

    /** MLPLAN_JAVA_OPTS comes after the launcher's flags and wins: e.g. C2 back on for a long batch. */
    @Test
    void mlplanJavaOptsCanTurnTheFullJitBackOn() throws Exception {
        for (String opts : List.of("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=4 -XX:CICompilerCount=2")) {
            Result r = mlplan(Map.of("MLPLAN_JAVA_OPTS", opts), "--version");
            assertThat(r.code()).as(opts + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("mlplan 0.1.0");
        }
    }

    /** Started through a symbolic link in another directory (e.g. ~/bin/mlplan), from another working directory. */
    @Test
    void startedThroughASymlinkFindsTheProject() throws Exception {
        Path link = tmp.resolve("bin/mlplan");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, ROOT.resolve("mlplan"));
        ProcessBuilder pb = new ProcessBuilder(link.toString(), "recommend", ROOT.resolve("workloads/tiny-sporadic.yaml").toString())
                .directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("tiny-sporadic").doesNotContain("building");
        assertThat(tmp.resolve("bin/target")).doesNotExist();
    }

    @Test
    void versionPrintsTheVersion() throws Exception {
        Result r = mlplan(Map.of(), "--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("mlplan 0.1.0");
    }

    @Test
    void recommendRunsTheReadmeExample() throws Exception {
        Result r = mlplan(Map.of(), "recommend", "workloads/llama2-7b-finetune.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("== llama2-7b-finetune", "TRAINING", "STORAGE", "MONTHLY TOTAL", "budget $3,000.00");
        assertThat(r.out()).doesNotContain("\u001b[");
    }

    @Test
    void jsonOutputToAFileIsValidJson() throws Exception {
        Path plan = tmp.resolve("plan.json");
        Result r = mlplan(Map.of(), "recommend", "workloads/tiny-sporadic.yaml", "workloads/bert-realtime.yaml", "--format", "json", "--output",
                plan.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(plan.toFile());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("workloads")).hasSize(2);
        assertThat(root.get("workloads").get(0).get("parts").get(0).get("options").get(0).get("service").asText()).isEqualTo("lambda");
    }

    @Test
    void badInputIsExitCodeTwoWithFileLineAndColumnAndNoStackTrace() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "version: 1\nname: x\ninference:\n  model: { preset: llama-2-7b }\n  traffic: { average: 20/s, peak: 60 per second }\n");
        Result r = mlplan(Map.of(), "recommend", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:5:").doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** mlplan.jar copied without lib/mlplan-aws-sdk.jar: everything but refresh works, and refresh says what is missing. */
    @Test
    void aJarCopiedWithoutTheSdkJarSaysSoOnRefresh() throws Exception {
        Path jar = tmp.resolve("alone/mlplan.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(ROOT.resolve("target/mlplan.jar"), jar);
        Path empty = tmp.resolve("empty");
        Files.writeString(empty, "");
        List<String> base = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
        List<String> recommend = new ArrayList<>(base);
        recommend.addAll(List.of("recommend", "workloads/tiny-sporadic.yaml"));
        List<String> refresh = new ArrayList<>(base);
        refresh.addAll(List.of("catalog", "refresh", "--endpoint-url", "http://127.0.0.1:9", "--output", tmp.resolve("c.json").toString()));
        for (List<String> cmd : List.of(recommend, refresh)) {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
            pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            pb.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            pb.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
            pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", empty.toString());
            pb.environment().put("AWS_CONFIG_FILE", empty.toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            if (cmd == recommend) {
                assertThat(p.exitValue()).as(output).isZero();
            } else {
                assertThat(p.exitValue()).as(output).isEqualTo(3);
                assertThat(output).contains("catalog refresh needs the AWS SDK").contains("lib/mlplan-aws-sdk.jar").doesNotContain("internal error")
                        .doesNotContain("\tat ");
                assertThat(tmp.resolve("c.json")).doesNotExist();
            }
        }
    }

    /** Also: the AWS SDK is found through mlplan.jar's Class-Path (lib/mlplan-aws-sdk.jar), as a user's refresh finds it. */
    @Test
    void refreshWithoutCredentialsFailsWithExitCodeThreeAndSendsNothing() throws Exception {
        Path empty = tmp.resolve("empty");
        Files.writeString(empty, "");
        Result r = mlplan(Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", "", "AWS_SESSION_TOKEN", "",
                        "AWS_SHARED_CREDENTIALS_FILE", empty.toString(), "AWS_CONFIG_FILE", empty.toString(), "AWS_PROFILE", "",
                        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "", "AWS_WEB_IDENTITY_TOKEN_FILE", ""),
                "catalog", "refresh", "--endpoint-url", "http://127.0.0.1:9", "--output", tmp.resolve("c.json").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains("no AWS credentials");
        assertThat(tmp.resolve("c.json")).doesNotExist();
    }
}
