package dev.mlplan.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it (issue 18): {@code target/mlplan-<version>-linux-x86_64.tar.gz}
 * unpacked into a temporary directory and run with an environment whose PATH holds only {@code sh} and
 * the few tools {@code bin/mlplan} calls (no {@code java}, no {@code JAVA_HOME}); the zip holds the same
 * files with the same modes. Runs after {@code package} (Maven failsafe).
 */
class ReleaseArchiveIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** What bin/mlplan calls besides the bundled runtime (wc: only where lib/ is read-only). */
    private static final List<String> TOOLS = List.of("sh", "readlink", "dirname", "mkdir", "mv", "rm", "tr", "wc");

    @TempDir
    static Path tmp;

    static Path home;
    static Path path;
    static String version;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void unpackTheTarGz() throws Exception {
        version = new String(ReleaseArchiveIT.class.getResourceAsStream("/dev/mlplan/version.properties").readAllBytes(),
                StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("version=")).findFirst().orElseThrow().substring(8);
        Path tar = ROOT.resolve("target/mlplan-" + version + "-linux-x86_64.tar.gz");
        assertThat(tar).exists();
        Path dir = Files.createDirectories(tmp.resolve("tar"));
        assertThat(run(dir, List.of("tar", "xzf", tar.toString()), System.getenv()).code()).isZero();
        home = dir.resolve("mlplan-" + version);
        // a PATH of symbolic links to sh and a few coreutils: no java on it
        path = Files.createDirectories(tmp.resolve("path"));
        for (String tool : TOOLS) {
            Path real = Stream.of("/bin", "/usr/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst().orElseThrow();
            Files.createSymbolicLink(path.resolve(tool), real);
        }
        assertThat(path.resolve("java")).doesNotExist();
    }

    /** The environment of a machine with no Java: only PATH (no java on it), HOME and what keeps tests quiet. */
    static Map<String, String> noJava() throws IOException {
        Path userHome = Files.createDirectories(tmp.resolve("home"));
        Path empty = Files.writeString(tmp.resolve("empty"), "");
        Map<String, String> env = new HashMap<>(Map.of("PATH", path.toString(), "HOME", userHome.toString(), "NO_COLOR", "1",
                "AWS_EC2_METADATA_DISABLED", "true", "AWS_CONFIG_FILE", empty.toString(), "AWS_SHARED_CREDENTIALS_FILE", empty.toString()));
        return env;
    }

    static Result run(Path dir, List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile("release-out", ".txt");
        Path err = Files.createTempFile("release-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 180 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static Result mlplan(Path dir, Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, env);
    }

    @Test
    void recommendMatchesTheDevelopmentLauncherWithNoJavaOnPath() throws Exception {
        Map<String, String> env = noJava();
        assertThat(run(tmp, List.of("sh", "-c", "command -v java"), env).code()).as("no java on PATH").isNotZero();
        // the first run also makes the class-data-sharing archive with the bundled runtime
        Result packaged = mlplan(home, home.resolve("bin/mlplan"), env, "recommend", "workloads/tiny-sporadic.yaml");
        assertThat(packaged.code()).as(packaged.err()).isZero();
        assertThat(home.resolve("lib/mlplan.jsa")).exists();

        Map<String, String> dev = new HashMap<>(System.getenv());
        dev.put("NO_COLOR", "1");
        dev.put("AWS_EC2_METADATA_DISABLED", "true");
        Result launcher = mlplan(ROOT, ROOT.resolve("mlplan"), dev, "recommend", "workloads/tiny-sporadic.yaml");
        assertThat(launcher.code()).as(launcher.err()).isZero();
        assertThat(packaged.out()).isEqualTo(launcher.out()).contains("tiny-sporadic");
        assertThat(packaged.err()).isEqualTo(launcher.err());
    }

    @Test
    void versionRunsTheBundledRuntimeThroughAChainOfSymbolicLinks() throws Exception {
        Map<String, String> env = noJava();
        env.put("JAVA_HOME", "/nonexistent-java-home");
        Result direct = mlplan(tmp, home.resolve("bin/mlplan"), env, "--version");
        assertThat(direct.code()).as(direct.err()).isZero();
        assertThat(direct.out()).startsWith("mlplan " + version + "\n").contains("Java 17");

        // ~/bin/mlplan -> ../opt/current/bin/mlplan (relative), opt/current -> the unpacked directory
        Path opt = Files.createDirectories(tmp.resolve("links/opt"));
        Files.createSymbolicLink(opt.resolve("current"), home);
        Path bin = Files.createDirectories(tmp.resolve("links/bin"));
        Files.createSymbolicLink(bin.resolve("mlplan"), Path.of("../opt/current/bin/mlplan"));
        env.put("PATH", bin + ":" + path);
        // found on PATH by the shell, as a user types it
        Result viaPath = run(tmp, List.of("/bin/sh", "-c", "mlplan --version"), env);
        assertThat(viaPath.code()).as(viaPath.err()).isZero();
        assertThat(viaPath.out()).isEqualTo(direct.out());
    }

    @Test
    void theStartUpArchiveMadeOnTheFirstRunIsUsable() throws Exception {
        Map<String, String> env = noJava();
        Result first = mlplan(tmp, home.resolve("bin/mlplan"), env, "validate", home.resolve("workloads/tiny-sporadic.yaml").toString());
        assertThat(first.code()).as(first.err()).isZero();
        // -Xshare:on makes the JVM fail rather than run without the archive
        env.put("MLPLAN_JAVA_OPTS", "-Xshare:on");
        Result shared = mlplan(tmp, home.resolve("bin/mlplan"), env, "--version");
        assertThat(shared.code()).as(shared.err()).isZero();
    }

    /** The runtime holds every module jdeps finds in the jars, and the TLS key exchanges jdeps cannot see. */
    @Test
    void theRuntimeHasTheModulesJdepsFindsAndTls() throws Exception {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        Result deps = run(tmp, List.of(jdeps.toString(), "--multi-release", "17", "--ignore-missing-deps", "--print-module-deps",
                home.resolve("lib/mlplan.jar").toString(), home.resolve("lib/mlplan-aws-sdk.jar").toString()), System.getenv());
        assertThat(deps.code()).as(deps.err()).isZero();
        List<String> needed = Arrays.asList(deps.out().strip().split(","));
        String modules = Files.readAllLines(home.resolve("runtime/release")).stream().filter(l -> l.startsWith("MODULES="))
                .findFirst().orElseThrow();
        assertThat(Arrays.asList(modules.substring("MODULES=".length()).replace("\"", "").split(" ")))
                .containsAll(needed).contains("jdk.crypto.ec").doesNotContain("jdk.compiler", "java.net.http", "jdk.jshell");

        Result tls = run(tmp, List.of(home.resolve("runtime/bin/java").toString(), "-cp", ROOT.resolve("target/test-classes").toString(),
                TlsProbe.class.getName()), noJava());
        assertThat(tls.code()).as(tls.out() + tls.err()).isZero();
    }

    /** catalog refresh loads the AWS SDK from lib/ and reaches a stub through it, with the bundled runtime. */
    @Test
    void refreshReachesAStubThroughTheSdkOnTheBundledRuntime() throws Exception {
        Map<String, String> env = noJava();
        env.putAll(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        WireMockServer stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
        try {
            // the Price List (JSON 1.1) and EC2 (Query, XML) both refuse
            stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"stub refuses\"}")));
            stub.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=")).atPriority(1).willReturn(aResponse().withStatus(403)
                    .withHeader("Content-Type", "text/xml;charset=UTF-8").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors>"
                            + "<Error><Code>UnauthorizedOperation</Code><Message>stub refuses</Message></Error></Errors>"
                            + "<RequestID>6c8d2a0e-1b3f-4c5d-8e7f-9a0b1c2d3e4f</RequestID></Response>")));
            Path catalog = tmp.resolve("catalog.json");
            Result refresh = mlplan(tmp, home.resolve("bin/mlplan"), env, "catalog", "refresh", "--max-attempts", "1", "--services", "ec2,lambda",
                    "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + stub.port(), "--output", catalog.toString());
            assertThat(refresh.code()).as(refresh.err()).isEqualTo(3);
            assertThat(refresh.err()).contains("AWS refused the request").doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
            assertThat(stub.getAllServeEvents()).isNotEmpty()
                    .allSatisfy(ev -> assertThat(ev.getRequest().getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256"));
            assertThat(catalog).doesNotExist();
        } finally {
            stub.stop();
        }
    }

    /** The zip holds the same files as the tar.gz, with the same modes (bin/mlplan and runtime/bin/* executable). */
    @Test
    void theZipHasTheSameLayout() throws Exception {
        Path zip = ROOT.resolve("target/mlplan-" + version + "-linux-x86_64.zip");
        Path tarDir = Files.createDirectories(tmp.resolve("tar-again"));
        Path zipDir = Files.createDirectories(tmp.resolve("zip"));
        assertThat(run(tarDir, List.of("tar", "xzf", ROOT.resolve("target/mlplan-" + version + "-linux-x86_64.tar.gz").toString()),
                System.getenv()).code()).isZero();
        assertThat(run(zipDir, List.of("unzip", "-q", zip.toString()), System.getenv()).code()).isZero();
        Map<String, Boolean> fromTar = files(tarDir);
        assertThat(files(zipDir)).isEqualTo(fromTar);
        String top = "mlplan-" + version + "/";
        assertThat(fromTar).containsEntry(top + "bin/mlplan", true).containsEntry(top + "runtime/bin/java", true)
                .containsEntry(top + "lib/mlplan.jar", false).containsEntry(top + "lib/mlplan-aws-sdk.jar", false)
                .containsEntry(top + "workloads/tiny-sporadic.yaml", false).containsKey(top + "runtime/release");
        assertThat(fromTar.keySet()).noneMatch(f -> f.endsWith(".jsa")).as("the start-up archive is made where mlplan is unpacked");

        Map<String, String> env = noJava();
        env.put("MLPLAN_NO_CDS", "1");
        Result zipped = mlplan(tmp, zipDir.resolve(top + "bin/mlplan"), env, "--version");
        assertThat(zipped.code()).as(zipped.err()).isZero();
    }

    /** Each regular file under {@code dir}, relative, with whether its owner may execute it. */
    static Map<String, Boolean> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            Map<String, Boolean> files = new TreeMap<>();
            walk.filter(Files::isRegularFile).forEach(f -> files.put(dir.relativize(f).toString(), Files.isExecutable(f)));
            return files;
        }
    }
}
