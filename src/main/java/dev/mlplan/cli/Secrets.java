package dev.mlplan.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The credential values mlplan could know about, masked in anything the command line prints about
 * an error (messages and, with --verbose, stack traces): the secret access key and session token from
 * the environment (the command's and the process's) and from the AWS SDK's system properties. A
 * second line of defence behind the refresh's own redaction (catalog.aws.Redactor), for any exception
 * that did not pass through it. The access key id is not a secret and is left alone.
 */
final class Secrets {
    static final String MASK = "****";
    static final List<String> ENV_VARS = List.of("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN");
    static final List<String> PROPERTIES = List.of("aws.secretAccessKey", "aws.secretKey", "aws.sessionToken");
    private static final int MIN_LENGTH = 4;

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    static Secrets of(CliEnv env) {
        List<String> v = new ArrayList<>();
        for (String name : ENV_VARS) {
            add(v, env == null ? null : env.env().get(name));
            add(v, System.getenv(name));
        }
        for (String name : PROPERTIES) {
            add(v, System.getProperty(name));
        }
        // longest first, so that a secret containing another is masked whole
        v.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(v));
    }

    private static void add(List<String> v, String value) {
        if (value != null && value.strip().length() >= MIN_LENGTH && !v.contains(value.strip())) {
            v.add(value.strip());
        }
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : values) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
