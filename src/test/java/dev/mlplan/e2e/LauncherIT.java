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

    /** The build's last steps: the catalog's binary form stored without compression. */
    @Test
    void theJarHoldsTheStartUpFilesAsTheBuildMadeThem() throws Exception {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(ROOT.resolve("target/mlplan.jar").toFile())) {
            java.util.zip.ZipEntry bin = jar.getEntry("dev/mlplan/catalog/aws-catalog.bin");
            assertThat(bin).isNotNull();
            assertThat(bin.getMethod()).isEqualTo(java.util.zip.ZipEntry.STORED);
            // the start-up files: stored, and listed in the jar's comment, which StartupResources reads them by
            List<String> started = List.of("dev/mlplan/catalog/aws-catalog.bin",
                    "dev/mlplan/estimate/model-presets.tsv", "dev/mlplan/version.properties");
            assertThat(jar.getComment()).startsWith(dev.mlplan.util.StartupResources.INDEX_MAGIC + "@central\t");
            for (String name : started) {
                assertThat(jar.getEntry(name).getMethod()).as(name).isEqualTo(java.util.zip.ZipEntry.STORED);
                assertThat(jar.getComment()).contains("\n" + name + "\t");
            }
            assertThat(jar.getEntry("dev/mlplan/build/StoreUncompressed.class")).isNull();
            // the AWS SDK is in its own jar, on this one's Class-Path: its 15,600 entries are not read at every start
            assertThat(jar.stream().filter(e -> e.getName().startsWith("software/amazon/")).count()).isZero();
            assertThat(jar.getEntry("dev/mlplan/catalog/aws/CatalogRefresher.class")).isNotNull();
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(ROOT.resolve("target/mlplan.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isEqualTo("lib/mlplan-aws-sdk.jar");
        }
        try (java.util.zip.ZipFile sdk = new java.util.zip.ZipFile(ROOT.resolve("target/lib/mlplan-aws-sdk.jar").toFile())) {
            assertThat(sdk.getEntry("software/amazon/awssdk/services/pricing/PricingClient.class")).isNotNull();
            assertThat(sdk.getEntry("software/amazon/awssdk/services/ec2/Ec2Client.class")).isNotNull();
            assertThat(sdk.stream().filter(e -> e.getName().startsWith("dev/mlplan/")).count()).as("mlplan's classes are in mlplan.jar only").isZero();
        }
        // read as a stream too, as some tools read jars: a stored entry must carry its size and CRC up front
        byte[] expected = Files.readAllBytes(ROOT.resolve("target/classes/dev/mlplan/catalog/aws-catalog.bin"));
        int entries = 0;
        boolean seen = false;
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(Files.newInputStream(ROOT.resolve("target/mlplan.jar")))) {
            for (java.util.jar.JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                entries++;
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("dev/mlplan/catalog/aws-catalog.bin")) {
                    seen = true;
                    assertThat(bytes).isEqualTo(expected);
                }
            }
        }
        assertThat(seen).isTrue();
        assertThat(entries).isGreaterThan(1000);
    }

    /**
     * Issue 8: nothing loaded that the command does not need: no AWS SDK (refresh only), no JSON
     * parser; every mlplan class from the launcher's archive.
     */
    @Test
    void recommendLoadsNeitherTheAwsSdkNorJackson() throws Exception {
        Path log = tmp.resolve("classes.log");
        Result r = mlplan(Map.of("MLPLAN_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "recommend", "workloads/tiny-sporadic.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).hasSizeGreaterThan(500).anyMatch(l -> l.contains(" dev.mlplan.plan.Planner "));
        assertThat(loaded).noneMatch(l -> l.contains(" software.amazon."));
        // the build-made tables and the binary catalog were read, not their JSON sources (Jackson), and
        // read from the jar directly (StartupResources), not through the class loader's URL machinery
        // and the JDK's module image
        assertThat(loaded).noneMatch(l -> l.contains(" com.fasterxml.jackson."));
        assertThat(loaded).noneMatch(l -> l.contains(" jdk.internal.jimage.") || l.contains(" sun.net.www.protocol.jar.JarURLConnection"));
        // and from the app's class-data-sharing archive; but JDK 17 leaves out of it a lambda that
        // implements one of picocli's interfaces (Java 5 class files), and the interface with it: those
        // load from the jar
        assertThat(loaded.stream().filter(l -> l.contains(" dev.mlplan.") && !l.contains("$$Lambda")).toList()).isNotEmpty()
                .allMatch(l -> l.contains("source: shared objects file"));
    }

    /**
     * Two class-data-sharing archives: the everyday command lines map the small core one, and a line
     * that asks for help, reads JSON (a saved plan, a catalog file) or writes CSV (Jackson's data
     * binding) maps the full one. {@code -Xlog:cds} names the archive the JVM opened.
     */
    @Test
    void eachCommandLineMapsTheArchiveMadeForIt() throws Exception {
        Path plan = tmp.resolve("plan.json");
        assertThat(mlplan(Map.of(), "recommend", "workloads/tiny-sporadic.yaml", "--format", "json", "--output", plan.toString()).code()).isZero();
        assertThat(ROOT.resolve("target/mlplan-core.jsa")).isRegularFile();
        assertThat(ROOT.resolve("target/mlplan.jsa")).isRegularFile();
        String w = "workloads/tiny-sporadic.yaml";
        Map<List<String>, String> expected = new java.util.LinkedHashMap<>();
        expected.put(List.of("recommend", w), "mlplan-core.jsa");
        expected.put(List.of("recommend", w, "--format", "json", "--output", tmp.resolve("a.json").toString()), "mlplan-core.jsa");
        expected.put(List.of("check", w), "mlplan-core.jsa");
        expected.put(List.of("explain", w), "mlplan-core.jsa");
        expected.put(List.of("validate", w), "mlplan-core.jsa");
        expected.put(List.of("--version"), "mlplan-core.jsa");
        expected.put(List.of("-V"), "mlplan-core.jsa");
        expected.put(List.of("recommend", w, "--format", "csv"), "mlplan.jsa");
        expected.put(List.of("recommend", w, "--format=csv"), "mlplan.jsa");
        expected.put(List.of("recommend", w, "-f", "CSV"), "mlplan.jsa");
        expected.put(List.of("check", w, "--junit", tmp.resolve("junit.xml").toString()), "mlplan.jsa");
        expected.put(List.of("recommend", "--help"), "mlplan.jsa");
        expected.put(List.of("check", w, "--baseline", plan.toString()), "mlplan.jsa");
        expected.put(List.of("report", "--from", plan.toString()), "mlplan.jsa");
        expected.put(List.of("catalog", "info"), "mlplan.jsa");
        expected.put(List.of("--help"), "mlplan.jsa");
        for (var e : expected.entrySet()) {
            Result r = mlplan(Map.of("MLPLAN_JAVA_OPTS", "-Xlog:cds=info,class+load=info:file=" + tmp.resolve("cds.log")), e.getKey().toArray(String[]::new));
            assertThat(r.code()).as(e.getKey() + ": " + r.err()).isIn(0, 1);
            String log = Files.readString(tmp.resolve("cds.log"));
            // the archive opened, and used: the JVM logs "Opened" before it validates an archive
            assertThat(log).as(String.join(" ", e.getKey())).contains("Opened archive " + ROOT.resolve("target").resolve(e.getValue()) + ".")
                    .contains(" dev.mlplan.cli.Main source: shared objects file");
        }
        // a catalog file named by the environment is JSON too
        Result r = mlplan(Map.of("MLPLAN_CATALOG", "src/main/resources/dev/mlplan/catalog/aws-catalog.json", "MLPLAN_JAVA_OPTS",
                "-Xlog:cds=info,class+load=info:file=" + tmp.resolve("cds.log")), "recommend", w);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("cds.log"))).contains("Opened archive " + ROOT.resolve("target/mlplan.jsa") + ".")
                .contains(" dev.mlplan.cli.Main source: shared objects file");
    }

    /** The launcher's one-compiler-thread flag must not stop a user from turning C2 back on (it needs two). */
    @Test
    void mlplanJavaOptsCanTurnTheFullJitBackOn() throws Exception {
        for (String opts : List.of("-XX:TieredStopAtLevel=4", "-XX:CICompilerCount=2")) {
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
