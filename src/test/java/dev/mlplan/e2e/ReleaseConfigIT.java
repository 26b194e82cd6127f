package dev.mlplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release configuration ({@code jreleaser.yml}, issue 18) checked offline: JReleaser's {@code prepare}
 * step with {@code --dry-run} and dummy tokens, in a scratch git repository (JReleaser reads HEAD and the
 * origin remote; a worktree, a source tarball or a clone without a GitHub remote has neither) holding this
 * checkout's pom.xml, jreleaser.yml, CHANGELOG.md, src/jreleaser and the packaged archives. It validates the
 * whole configuration, computes the checksums and writes the Homebrew formula and the jbang catalog entry,
 * and reaches no server. Runs this build's Maven, offline when this build is.
 */
class ReleaseConfigIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    static int run(Path dir, List<String> cmd, Map<String, String> env, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // no real credentials reach the check
        pb.environment().keySet().removeIf(k -> k.startsWith("JRELEASER_") || k.startsWith("GITHUB_TOKEN"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 300 s");
        }
        return p.exitValue();
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void jreleaserPreparesTheReleaseOfflineWithoutTokens() throws Exception {
        String version = new String(ReleaseConfigIT.class.getResourceAsStream("/dev/mlplan/version.properties").readAllBytes(),
                StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("version=")).findFirst().orElseThrow().substring(8);
        for (String f : List.of("pom.xml", "jreleaser.yml", "CHANGELOG.md")) {
            Files.copy(ROOT.resolve(f), repo.resolve(f));
        }
        try (Stream<Path> templates = Files.walk(ROOT.resolve("src/jreleaser"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                Path to = repo.resolve(ROOT.relativize(t));
                Files.createDirectories(to.getParent());
                Files.copy(t, to);
            }
        }
        List<String> artifacts = List.of("mlplan-" + version + "-linux-x86_64.tar.gz", "mlplan-" + version + "-linux-x86_64.zip", "mlplan.jar");
        Files.createDirectories(repo.resolve("target"));
        for (String a : artifacts) {
            Files.createSymbolicLink(repo.resolve("target").resolve(a), ROOT.resolve("target").resolve(a));
        }
        Path log = Files.createTempFile("jreleaser", ".log");
        Map<String, String> git = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.invalid", "GIT_COMMITTER_NAME", "t",
                "GIT_COMMITTER_EMAIL", "t@example.invalid");
        for (List<String> cmd : List.of(List.of("git", "init", "-q"), List.of("git", "add", "pom.xml", "jreleaser.yml", "CHANGELOG.md", "src"),
                List.of("git", "commit", "-q", "-m", "release check"),
                List.of("git", "remote", "add", "origin", "https://github.com/mlplan/mlplan.git"))) {
            assertThat(run(repo, cmd, git, log)).as(Files.readString(log)).isZero();
        }

        String mavenHome = System.getProperty("maven.home");
        List<String> mvn = new ArrayList<>(List.of(mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString(), "-B", "-N"));
        if ("offline=true".equals(System.getProperty("mlplan.maven.settings"))) {
            mvn.add("-o");
        }
        mvn.addAll(List.of("org.jreleaser:jreleaser-maven-plugin:prepare", "-Djreleaser.dry.run=true",
                "-Djreleaser.github.token=offline-check", "-Djreleaser.sdkman.consumer.key=offline-check",
                "-Djreleaser.sdkman.consumer.token=offline-check"));
        int code = run(repo, mvn, Map.of(), log);
        String out = Files.readString(log);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("dry-run set to true").contains("[brew] preparing mlplan distribution")
                .contains("[sdkman] preparing mlplan distribution").contains("[jbang] preparing mlplan-jar distribution");

        Path jr = repo.resolve("target/jreleaser");
        List<String> sums = Files.readAllLines(jr.resolve("checksums/checksums_sha256.txt"));
        for (String a : artifacts) {
            assertThat(sums).contains(sha256(ROOT.resolve("target").resolve(a)) + "  " + a);
        }
        String formula = Files.readString(jr.resolve("prepare/mlplan/brew/Formula/mlplan.rb"));
        assertThat(formula).contains("https://github.com/mlplan/mlplan/releases/download/v" + version + "/mlplan-" + version + "-linux-x86_64")
                .contains("bin.install_symlink \"#{libexec}/bin/mlplan\"");
        JsonNode alias = JSON.readTree(jr.resolve("prepare/mlplan-jar/jbang/jbang-catalog.json").toFile()).path("aliases").path("mlplan");
        assertThat(alias.path("script-ref").asText()).isEqualTo("https://github.com/mlplan/mlplan/releases/download/v" + version + "/mlplan.jar");
        assertThat(alias.path("java").asText()).isEqualTo("17+");
        Files.delete(log);
    }
}
