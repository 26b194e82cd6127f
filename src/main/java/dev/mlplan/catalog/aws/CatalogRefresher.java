package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogException;
import dev.mlplan.catalog.CatalogJson;
import java.nio.file.Path;
import java.time.Instant;
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
 * then the pure merge ({@link CatalogMerger}); then, for {@link #refreshTo}, one atomic write. Any
 * failure before the write leaves the output file as it was.
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
            FetchedCatalog fetched = fetch(opts);
            opts.progress().progress("merging over " + previous.id());
            return CatalogMerger.merge(previous, fetched, opts.regions(), opts.services(), opts.runDate());
        } catch (RefreshException e) {
            throw e.toCatalogException();
        }
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
        CatalogJson.write(result.catalog(), output);
        opts.progress().progress("wrote " + output);
        return result;
    }

    /** Everything the APIs return for the options. Package-private: tests call it against a stub. */
    FetchedCatalog fetch(RefreshOptions opts) {
        AwsCredentialsProvider provider = clients.credentials(opts);
        try {
            Redactor redactor = resolveCredentials(provider, opts);
            RefreshSources sources = RefreshSources.forDate(opts.runDate());
            FetchedCatalog.Builder out = new FetchedCatalog.Builder();
            PriceListParser parser = new PriceListParser(sources.priceList().id());
            try (PricingClient pricing = clients.pricing(opts, provider)) {
                PricingFetcher fetcher = new PricingFetcher(pricing, parser, out, redactor, opts.progress());
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
                        Ec2Fetcher fetcher = new Ec2Fetcher(ec2, region, out, redactor, opts.progress());
                        fetcher.instanceTypes(sources.instanceTypes().id());
                        fetcher.spotPrices(now, sources.spot().id());
                    }
                }
            }
            return out.build();
        } finally {
            if (provider instanceof SdkAutoCloseable closeable && !clients.isOverride(provider)) {
                closeable.close();
            }
        }
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
        return Redactor.of(credentials.secretAccessKey(), token);
    }
}
