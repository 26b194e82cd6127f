package dev.mlplan.cli;

import dev.mlplan.util.StartupResources;
import java.io.IOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** mlplan's version, from the resource Maven fills in at build time. */
public final class VersionProvider implements IVersionProvider {
    private static final String VERSION = load();

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try {
            StartupResources.Resource r = StartupResources.read("/dev/mlplan/version.properties");
            Properties p = new Properties();
            if (r != null) {
                p.load(new java.io.ByteArrayInputStream(r.bytes()));
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mlplan " + VERSION, "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
