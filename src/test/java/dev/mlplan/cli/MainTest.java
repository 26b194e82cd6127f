package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    private static CliEnv env(Map<String, String> vars) {
        return new CliEnv(Clock.systemUTC(), vars, Path.of("."));
    }

    private static boolean reads(String... args) {
        return Main.readsEmbeddedCatalog(args, env(Map.of()));
    }

    @Test
    void catalogIsPreloadedOnlyForCommandsThatReadTheEmbeddedOne() {
        assertThat(reads("recommend", "w.yaml")).isTrue();
        assertThat(reads("recommend", "w.yaml", "--format", "json")).isTrue();
        assertThat(reads("check", "w.yaml")).isTrue();
        assertThat(reads("report", "w.yaml", "--out", "r")).isTrue();
        assertThat(reads("explain", "w.yaml")).isTrue();
        assertThat(reads("check", "w.yaml", "--catalog", "c.json")).isFalse();
        assertThat(reads("catalog", "show", "p4d.24xlarge")).isTrue();
        assertThat(reads("catalog", "list")).isTrue();
        assertThat(reads()).isFalse();
        assertThat(reads("validate", "w.yaml")).isFalse();
        assertThat(reads("catalog")).isFalse();
        assertThat(reads("catalog", "refresh")).isFalse();
        assertThat(reads("recommend", "--help")).isFalse();
        assertThat(reads("recommend", "w.yaml", "--catalog", "c.json")).isFalse();
        assertThat(reads("recommend", "w.yaml", "--catalog=c.json")).isFalse();
        assertThat(Main.readsEmbeddedCatalog(new String[] {"recommend", "w.yaml"}, env(Map.of("MLPLAN_CATALOG", "c.json")))).isFalse();
        assertThat(Main.readsEmbeddedCatalog(new String[] {"recommend", "w.yaml"}, env(Map.of("MLPLAN_CATALOG", " ")))).isTrue();
    }
}
