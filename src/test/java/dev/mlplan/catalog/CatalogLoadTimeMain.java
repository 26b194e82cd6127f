package dev.mlplan.catalog;

/**
 * Prints the cold load time of the embedded catalog (no assertion; run by hand):
 * {@code java -cp target/classes:target/test-classes:<deps> dev.mlplan.catalog.CatalogLoadTimeMain}.
 */
public final class CatalogLoadTimeMain {
    private CatalogLoadTimeMain() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Catalog c = CatalogLoader.embedded();
        long t1 = System.nanoTime();
        System.out.printf(java.util.Locale.ROOT, "CatalogLoader.embedded() cold: %.0f ms; %s%n", (t1 - t0) / 1e6,
                CatalogStats.of(c).summary());
    }
}
