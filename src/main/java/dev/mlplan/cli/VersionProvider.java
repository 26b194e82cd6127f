package dev.mlplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** mlplan's version, from the resource Maven fills in at build time. */
public final class VersionProvider implements IVersionProvider {
    private static final String VERSION = load();

    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/mlplan/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mlplan " + VERSION, "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
