package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogException;
import dev.mlplan.catalog.CatalogJson;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.CatalogValidator;
import dev.mlplan.catalog.aws.RefreshException.Reason;
import dev.mlplan.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * {@code mlplan catalog refresh}: fetches prices and specs from AWS and merges them over the previous
 * catalog. The CLI calls {@link #refreshTo} (or {@link #refresh} to print without writing), prints
 * {@link RefreshReport#summaryLines()} and maps {@link CatalogException} to exit code 3.
 *
 * <p>Order of work: resolve credentials once (nothing is sent without them); for each region, the
 * requested Price List queries; for each region, DescribeInstanceTypes and DescribeSpotPriceHistory;
 * then the pure merge ({@link CatalogMerger}, which checks every figure first); then the merged
 * catalog is validated with {@link CatalogValidator}; then, for {@link #refreshTo}, it is written to a
 * temporary file beside the output, loaded back through {@link CatalogLoader#fromFile} (what
 * {@code --catalog} runs) and only then renamed over the output. Any failure before the rename leaves
 * the output file byte for byte as it was and no temporary file behind.
 *
 * <p>Every request carries the per-call timeout and what is left of the overall deadline
 * ({@link Deadline}); listings stop at a repeated next-page token ({@link Pages}). Every line the
 * refresh gives out (progress, summary, warnings, messages) passes through one {@link Redactor} made
 * from the resolved credentials.
 */
public final class CatalogRefresher {
    private final AwsClients clients;

    /** Credentials from {@code --profile} or the default chain. */
    public CatalogRefresher() {
        this(AwsClients.standard());
    }

    public CatalogRefresher(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * Fetches and merges; writes nothing.
     *
     * @throws CatalogException when the refresh failed; its message names the cause and
     *     {@link RefreshException#reasonOf(Throwable)} gives the {@link RefreshException.Reason}
     */
    public RefreshResult refresh(CatalogDocument previous, RefreshOptions opts) {
        try {
            Redactor[] redactor = {Redactor.none()};
            FetchedCatalog fetched = fetch(opts, redactor);
            opts.progress().progress(redactor[0].redact("merging over " + previous.id()));
            RefreshResult merged = CatalogMerger.merge(previous, fetched, opts.regions(), opts.services(), opts.runDate(),
                    opts.endpointUrl());
            RefreshResult result = new RefreshResult(merged.catalog(), redacted(merged.report(), redactor[0]));
            List<String> problems = newProblems(previous, result.catalog());
            if (!problems.isEmpty()) {
                throw new RefreshException(Reason.INVALID_CATALOG, "catalog refresh failed: the merged catalog does not pass"
                        + " the checks --catalog applies, so nothing was written: " + redactor[0].redact(String.join("; ",
                                problems)));
            }
            return result;
        } catch (RefreshException e) {
            throw e.toCatalogException();
        }
    }

    /**
     * The validator's problems of {@code merged}; when the previous catalog itself was not valid (a
     * partial catalog an embedding application passes; the CLI only passes catalogs it loaded), only
     * kinds of problem the merge made more frequent.
     */
    static List<String> newProblems(CatalogDocument previous, CatalogDocument merged) {
        Map<String, Integer> before = CatalogValidator.problemCounts(previous);
        if (before.isEmpty()) {
            return CatalogValidator.problems(merged);
        }
        List<String> out = new ArrayList<>();
        CatalogValidator.problemCounts(merged).forEach((kind, n) -> {
            if (n > before.getOrDefault(kind, 0)) {
                out.add(n + " " + kind);
            }
        });
        return out;
    }

    /** Loads the written file as {@code --catalog} does (strictly, when the previous catalog was valid). */
    private static void loadBack(CatalogDocument previous, Path written) throws IOException {
        if (CatalogValidator.problemCounts(previous).isEmpty()) {
            CatalogLoader.fromFile(written);
            return;
        }
        CatalogDocument doc;
        try (var in = Files.newInputStream(written)) {
            doc = CatalogJson.read(in, written.toString());
        }
        List<String> problems = newProblems(previous, doc);
        if (!problems.isEmpty()) {
            throw new CatalogException("catalog " + written + " is inconsistent: " + String.join("; ", problems));
        }
    }

    private static RefreshReport redacted(RefreshReport r, Redactor redactor) {
        return new RefreshReport(r.previousCatalogId(), r.catalogId(), r.pricesAsOf(), r.regions(), r.services(),
                r.servicesNotRequested(), r.instanceTypes(), r.prices(), r.spot(), r.servicePrices(), r.zeroPricedSkusIgnored(),
                r.malformedItemsSkipped(), r.implausibleSkipped(), r.outOfScope(),
                r.kept().stream().map(k -> new RefreshReport.Kept(k.kind(), k.region(), redactor.redact(k.subject()),
                        redactor.redact(k.reason()))).toList(),
                r.warnings().stream().map(redactor::redact).toList());
    }

    /**
     * Fetches, merges and writes the merged catalog to {@code output} atomically (a temporary file,
     * then a rename). Nothing is written unless every request succeeded: a failed refresh leaves
     * {@code output} — which may be the previous catalog's own file — untouched.
     *
     * @throws CatalogException when the refresh or the write failed
     */
    public RefreshResult refreshTo(CatalogDocument previous, RefreshOptions opts, Path output) {
        RefreshResult result = refresh(previous, opts);
        byte[] bytes = CatalogJson.toJson(result.catalog()).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            AtomicFiles.write(output, bytes, written -> {
                try {
                    loadBack(previous, written);
                } catch (CatalogException e) {
                    throw new RefreshException(Reason.INVALID_CATALOG, "catalog refresh failed: the refreshed catalog does"
                            + " not load back (" + e.getMessage().replace(written.toString(), "(new catalog)") + "), so "
                            + output + " was left as it was", e).toCatalogException();
                }
            });
        } catch (IOException e) {
            throw new CatalogException("cannot write catalog to " + output + ": " + e.getMessage(), e);
        }
        opts.progress().progress("wrote " + output);
        return result;
    }

    /** Everything the APIs return for the options. Package-private: tests call it against a stub. */
    FetchedCatalog fetch(RefreshOptions opts) {
        return fetch(opts, new Redactor[1]);
    }

    private FetchedCatalog fetch(RefreshOptions opts, Redactor[] redactorOut) {
        AwsCredentialsProvider provider = clients.credentials(opts);
        try {
            Deadline deadline = Deadline.start(opts);
            Redactor redactor = resolveCredentials(provider, opts);
            redactorOut[0] = redactor;
            ProgressListener progress = line -> opts.progress().progress(redactor.redact(line));
            RefreshSources sources = RefreshSources.forDate(opts.runDate());
            FetchedCatalog.Builder out = new FetchedCatalog.Builder();
            PriceListParser parser = new PriceListParser(sources.priceList().id());
            try (PricingClient pricing = clients.pricing(opts, provider)) {
                PricingFetcher fetcher = new PricingFetcher(pricing, parser, out, redactor, progress, deadline);
                for (String region : opts.regions()) {
                    for (AwsService service : AwsService.values()) {
                        if (opts.refreshes(service)) {
                            fetcher.fetch(service, region);
                        }
                    }
                }
            }
            if (opts.refreshes(AwsService.EC2)) {
                Instant now = opts.clock().instant();
                for (String region : opts.regions()) {
                    try (Ec2Client ec2 = clients.ec2(opts, region, provider)) {
                        Ec2Fetcher fetcher = new Ec2Fetcher(ec2, region, out, redactor, progress, deadline);
                        fetcher.instanceTypes(sources.instanceTypes().id());
                        fetcher.spotPrices(now, sources.spot().id());
                    }
                }
            }
            return out.build();
        } catch (RefreshException e) {
            throw withEndpoint(e, opts);
        } finally {
            if (provider instanceof SdkAutoCloseable closeable && !clients.isOverride(provider)) {
                closeable.close();
            }
        }
    }

    /** A network failure or timeout with an endpoint override names the endpoint (scheme, host and port only). */
    private static RefreshException withEndpoint(RefreshException e, RefreshOptions opts) {
        java.net.URI u = opts.endpointUrl();
        if (u == null || (e.reason() != Reason.NETWORK && e.reason() != Reason.TIMEOUT)) {
            return e;
        }
        String where = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        return new RefreshException(e.reason(), e.getMessage() + " The endpoint override was " + where + ".", e.getCause());
    }

    /**
     * Resolves the credentials before any request, so that missing credentials are reported as such
     * and nothing is sent; returns a redactor for the secret parts.
     */
    private static Redactor resolveCredentials(AwsCredentialsProvider provider, RefreshOptions opts) {
        opts.progress().progress(opts.profile() == null ? "resolving AWS credentials"
                : "resolving AWS credentials of profile " + opts.profile());
        AwsCredentials credentials;
        try {
            credentials = provider.resolveCredentials();
        } catch (RuntimeException e) {
            throw AwsErrors.noCredentials(opts.profile(), e, Redactor.none());
        }
        if (credentials == null) {
            throw AwsErrors.noCredentials(opts.profile(), null, Redactor.none());
        }
        String token = credentials instanceof AwsSessionCredentials s ? s.sessionToken() : null;
        return Redactor.forCredentials(credentials.accessKeyId(), credentials.secretAccessKey(), token);
    }
}
