package dev.mlplan.cli;

import dev.mlplan.catalog.aws.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * The credential values the command line can know about, masked in anything it prints about an error
 * (messages and, with --verbose, stack traces): the secret access key, session token and access key id
 * from the environment (the command's and the process's) and from the AWS SDK's system properties. A
 * second line of defence behind the refresh's own redaction, for any exception that did not pass
 * through it; both use the one {@link Redactor} (every encoding; the key id down to its last four
 * characters).
 */
final class Secrets {
    static final String MASK = Redactor.MASK;
    static final List<String> ENV_VARS = List.of("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN");
    static final List<String> PROPERTIES = List.of("aws.secretAccessKey", "aws.secretKey", "aws.sessionToken");
    static final List<String> KEY_ID_ENV_VARS = List.of("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY");
    static final List<String> KEY_ID_PROPERTIES = List.of("aws.accessKeyId");

    private final Redactor redactor;

    private Secrets(Redactor redactor) {
        this.redactor = redactor;
    }

    static Secrets of(CliEnv env) {
        return new Secrets(Redactor.of(values(env, KEY_ID_ENV_VARS, KEY_ID_PROPERTIES), values(env, ENV_VARS, PROPERTIES)));
    }

    private static List<String> values(CliEnv env, List<String> vars, List<String> properties) {
        List<String> v = new ArrayList<>();
        for (String name : vars) {
            v.add(env == null ? null : env.env().get(name));
            v.add(System.getenv(name));
        }
        for (String name : properties) {
            v.add(System.getProperty(name));
        }
        return v;
    }

    String mask(String text) {
        return redactor.redact(text);
    }
}
