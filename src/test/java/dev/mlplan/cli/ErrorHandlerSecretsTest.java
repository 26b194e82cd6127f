package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line's error handler masks credential values in whatever it prints (message and, with
 * --verbose, the stack trace), whichever exception carried them: the generic second line of defence
 * behind the refresh's own redaction.
 */
class ErrorHandlerSecretsTest {
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzHANDLERKEY";
    static final String TOKEN = "IQoJb3JpZ2luX2VjHANDLER/TOKEN==";
    static final String PROPERTY_SECRET = "propertySecretValue1234";

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Option(names = {"-v", "--verbose"})
        boolean verbose;

        @Option(names = "--kind")
        String kind = "internal";

        @Override
        public void run() {
            String msg = "leaked " + SECRET + " and " + TOKEN + " and " + PROPERTY_SECRET;
            switch (kind) {
                case "usage" -> throw new ExitException(ExitCode.USAGE, msg);
                case "catalog" -> throw new dev.mlplan.catalog.CatalogException(msg, new IllegalStateException(msg));
                default -> throw new IllegalStateException(msg, new RuntimeException(msg));
            }
        }
    }

    private static String run(String... args) {
        String saved = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.secretAccessKey", PROPERTY_SECRET);
        try {
            CliEnv env = new CliEnv(Clock.systemUTC(), Map.of("AWS_SECRET_ACCESS_KEY", SECRET, "AWS_SESSION_TOKEN", TOKEN), Path.of("."));
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new Boom());
            cl.setErr(new PrintWriter(err));
            cl.setExecutionExceptionHandler(new CommandFactory.ErrorHandler(Secrets.of(env)));
            int code = cl.execute(args);
            return code + "|" + err;
        } finally {
            if (saved == null) {
                System.clearProperty("aws.secretAccessKey");
            } else {
                System.setProperty("aws.secretAccessKey", saved);
            }
        }
    }

    @Test
    void secretsAreMaskedInMessagesAndStackTraces() {
        for (String kind : new String[] {"internal", "catalog", "usage"}) {
            for (String[] args : new String[][] {{"--kind=" + kind, "--verbose"}, {"--kind=" + kind}}) {
                String out = run(args);
                assertThat(out).contains("leaked ****").doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(PROPERTY_SECRET);
            }
        }
        assertThat(run("--kind=internal", "--verbose")).startsWith("4|").contains("\tat ");
        assertThat(run("--kind=catalog", "--verbose")).startsWith("3|").contains("Caused by");
        assertThat(run("--kind=usage", "--verbose")).startsWith("2|").doesNotContain("\tat ");
    }
}
