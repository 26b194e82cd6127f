package dev.mlplan.cli;

import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.CatalogStats;
import dev.mlplan.catalog.aws.AwsService;
import dev.mlplan.catalog.aws.CatalogRefresher;
import dev.mlplan.catalog.aws.RefreshOptions;
import dev.mlplan.catalog.aws.RefreshResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * mlplan catalog refresh: rebuilds the catalog's prices and instance types from the AWS Price List
 * and EC2 APIs, merged over the previous catalog, and writes it atomically. The only command that
 * touches the network (and the only one that loads the AWS SDK).
 */
@Command(
        name = "refresh",
        mixinStandardHelpOptions = true,
        description = {
            "Refreshes prices and instance types from the AWS Price List and EC2 APIs.",
            "Needs AWS credentials: the default chain, or --profile. What the APIs return replaces the "
                    + "previous figures; what they do not return keeps its previous figures, and the summary says "
                    + "which. A failed refresh writes nothing."
        },
        footer = {
            "",
            "The previous catalog is --catalog FILE, else the --output file if it exists, else the embedded one.",
            "Use the result with --catalog FILE on any command, or set MLPLAN_CATALOG=FILE.",
            "",
            "Examples:",
            "  mlplan catalog refresh --output mlplan-catalog.json",
            "  mlplan catalog refresh --region us-east-1 --region us-west-2 \\",
            "      --services ec2,lambda --profile ml",
            "  mlplan catalog refresh --endpoint-url http://localhost:4566 \\",
            "      --output test-catalog.json",
            "",
            "IAM permissions needed: pricing:GetProducts, ec2:DescribeInstanceTypes, ec2:DescribeSpotPriceHistory.",
            "Each request gives up after 30 s without an answer (5 attempts); the whole refresh after --timeout."
        })
final class CatalogRefreshCommand implements Runnable {
    @ParentCommand
    CatalogCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--region", paramLabel = "R", completionCandidates = Candidates.Regions.class, description = "Region to refresh (repeatable; default: us-east-1).")
    List<String> regions;

    @Option(names = "--services", paramLabel = "LIST", defaultValue = "ec2,sagemaker,lambda,s3,ebs",
            description = "Comma-separated: ec2, sagemaker, lambda, s3, ebs (default: ${DEFAULT-VALUE}).")
    String services;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "mlplan-catalog.json",
            description = "Where to write the refreshed catalog (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Previous catalog to merge over.")
    Path catalogFile;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile from the shared config and credentials files.")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS request to this endpoint (also: AWS_ENDPOINT_URL).")
    String endpointUrl;

    @Option(names = "--pricing-region", paramLabel = "R", defaultValue = "us-east-1",
            description = "Price List API endpoint region: us-east-1, eu-central-1 or ap-south-1 (default: ${DEFAULT-VALUE}).")
    String pricingRegion;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "5", description = "Attempts per request, with backoff on throttling (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "Give up when the whole refresh takes longer: e.g. 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    /** "90s", "5m", "1h", "250ms" or plain seconds. */
    static java.time.Duration parseTimeout(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h)?").matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--timeout '" + text + "' is not a positive duration; expected e.g. 90s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> java.time.Duration.ofMillis(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofSeconds(n);
        };
    }

    /**
     * The AWS SDK is not in mlplan.jar but in {@code lib/mlplan-aws-sdk.jar} beside it, named by the
     * jar's {@code Class-Path} (docs/performance.md): a jar copied alone cannot refresh. Said plainly
     * rather than as an internal error; any other missing class stays one (null).
     */
    static ExitException sdkMissing(NoClassDefFoundError e) {
        String missing = String.valueOf(e.getMessage());
        if (!missing.startsWith("software/amazon/") && !missing.startsWith("software.amazon.")) {
            return null;
        }
        return new ExitException(ExitCode.CATALOG, "catalog refresh needs the AWS SDK, which the build puts in lib/mlplan-aws-sdk.jar beside"
                + " mlplan.jar, and it cannot be loaded (" + missing + "); build again (./mlplan --version, or mvn package) and keep the two"
                + " jars together");
    }

    @Override
    public void run() {
        CliEnv env = parent.env();
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = parent.parent.common.quiet;
        Path out = env.resolve(output).toAbsolutePath().normalize();
        if (Files.isDirectory(out)) {
            throw new ExitException(ExitCode.USAGE, "--output " + output + " is a directory; give a file name");
        }
        if (OutputTarget.isStreamTarget(out)) {
            // the catalog is replaced by a rename, which must never replace a device or /dev/stdout
            throw new ExitException(ExitCode.USAGE, "--output " + output + " is not a regular file; give a file name");
        }
        CatalogDocument previous;
        if (catalogFile != null) {
            previous = CatalogLoader.fromFile(env.resolve(catalogFile)).document();
        } else if (Files.isRegularFile(out)) {
            previous = CatalogLoader.fromFile(out).document();
        } else {
            previous = CatalogLoader.embedded().document();
        }
        RefreshOptions opts;
        try {
            opts = RefreshOptions.builder()
                    .regions(regions == null || regions.isEmpty() ? List.of(RefreshOptions.DEFAULT_REGION) : regions)
                    .services(AwsService.parseList(services))
                    .profile(profile)
                    .endpointUrl(endpointUrl)
                    .environment(env.env())
                    .pricingRegion(pricingRegion)
                    .maxAttempts(maxAttempts)
                    .timeout(parseTimeout(timeout))
                    .progress(line -> {
                        if (!quiet) {
                            err.println("refresh: " + line);
                            err.flush();
                        }
                    })
                    .clock(env.clock())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ExitException(ExitCode.USAGE, e.getMessage());
        }
        RefreshResult result;
        try {
            result = new CatalogRefresher().refreshTo(previous, opts, out);
        } catch (NoClassDefFoundError e) {
            ExitException plain = sdkMissing(e);
            if (plain == null) {
                throw e;
            }
            throw plain;
        }
        PrintWriter o = spec.commandLine().getOut();
        result.report().summaryLines().forEach(o::println);
        o.println("wrote " + output + ": catalog " + result.catalog().id() + ", prices as of " + result.catalog().pricesAsOf());
        o.println(CatalogStats.of(result.catalog()).summary());
        o.println("use it with: mlplan recommend --catalog " + output + " FILE…   (or MLPLAN_CATALOG=" + output + ")");
        o.flush();
    }
}
