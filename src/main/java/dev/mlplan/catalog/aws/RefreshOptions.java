package dev.mlplan.catalog.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code catalog refresh} fetches and how it talks to AWS. Contains no AWS SDK type, so the
 * CLI can build it without importing the SDK. Build with {@link #builder()}.
 *
 * @param regions regions whose figures are refreshed (data regions, not API endpoints)
 * @param services parts of the catalog to refresh
 * @param profile named profile from the shared config/credentials files, or null for the default
 *     credential chain (environment, system properties, web identity, profile files, container,
 *     instance metadata)
 * @param endpointUrl endpoint override for every client ({@code --endpoint-url}, else the
 *     environment variable {@code AWS_ENDPOINT_URL}), or null for the real AWS endpoints
 * @param pricingRegion region of the Price List API endpoint (us-east-1, eu-central-1 or ap-south-1)
 * @param maxAttempts attempts per request including the first; 1 disables retries
 * @param retryBaseDelay base delay of the exponential backoff between attempts, or null for the
 *     SDK's defaults (100 ms, 1 s after throttling). Tests set a few milliseconds.
 * @param progress receives progress lines
 * @param clock gives the date of the refreshed catalog ({@code aws-YYYY-MM}, source dates)
 * @param callTimeout bound of one attempt of one request: the socket read timeout (no byte for this
 *     long) and the SDK's {@code apiCallAttemptTimeout} (a whole answer, however slowly it trickles,
 *     within this long); the connect timeout is the smaller of this and {@value #CONNECT_TIMEOUT_SECONDS} s
 * @param timeout overall deadline of the refresh ({@code --timeout}): every request's
 *     {@code apiCallTimeout} (retries included) is cut to what is left of it, and no request starts
 *     after it
 * @param maxResponseBytes the largest response body read (bigger: the refresh fails); bounds the
 *     memory a hostile or broken endpoint can make the refresh use
 */
public record RefreshOptions(
        List<String> regions,
        Set<AwsService> services,
        String profile,
        URI endpointUrl,
        String pricingRegion,
        int maxAttempts,
        Duration retryBaseDelay,
        ProgressListener progress,
        Clock clock,
        Duration callTimeout,
        Duration timeout,
        long maxResponseBytes) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_PRICING_REGION = "us-east-1";
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";
    /** Default {@link #callTimeout}: one page of the Price List (100 items, about 2 MB) well within it. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Default {@link #timeout} ({@code --timeout}): a one-region refresh of every service takes well under a minute. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Default {@link #maxResponseBytes}: a Price List page of 100 items is about 2 MB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L << 20;
    static final int CONNECT_TIMEOUT_SECONDS = 5;

    public RefreshOptions {
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is required");
        }
        regions = List.copyOf(new LinkedHashSet<>(regions));
        if (services == null || services.isEmpty()) {
            throw new IllegalArgumentException("at least one service is required");
        }
        services = Set.copyOf(EnumSet.copyOf(services));
        if (pricingRegion == null || pricingRegion.isBlank()) {
            pricingRegion = DEFAULT_PRICING_REGION;
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (progress == null) {
            progress = ProgressListener.NONE;
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        if (callTimeout == null) {
            callTimeout = DEFAULT_CALL_TIMEOUT;
        }
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (callTimeout.isNegative() || callTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, were " + callTimeout + " per call and " + timeout + " overall");
        }
        if (maxResponseBytes <= 0) {
            maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        }
    }

    /** The connect timeout: {@value #CONNECT_TIMEOUT_SECONDS} s, or the per-call timeout when shorter. */
    public Duration connectTimeout() {
        Duration max = Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS);
        return callTimeout.compareTo(max) < 0 ? callTimeout : max;
    }

    public boolean refreshes(AwsService service) {
        return services.contains(service);
    }

    /** The date the refreshed figures are stamped with (UTC). */
    public LocalDate runDate() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the CLI's defaults: us-east-1, every service, default credential chain. */
    public static final class Builder {
        private final List<String> regions = new ArrayList<>();
        private Set<AwsService> services = EnumSet.allOf(AwsService.class);
        private String profile;
        private String endpointUrl;
        private Map<String, String> environment = Map.of();
        private String pricingRegion = DEFAULT_PRICING_REGION;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration retryBaseDelay;
        private ProgressListener progress = ProgressListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {}

        /** Per attempt of one request (see {@link RefreshOptions#callTimeout()}). */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /** The overall deadline ({@code --timeout}). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public Builder regions(List<String> regions) {
            this.regions.clear();
            this.regions.addAll(regions);
            return this;
        }

        public Builder region(String region) {
            this.regions.add(region);
            return this;
        }

        public Builder services(Set<AwsService> services) {
            this.services = EnumSet.copyOf(services);
            return this;
        }

        public Builder profile(String profile) {
            this.profile = profile == null || profile.isBlank() ? null : profile;
            return this;
        }

        /** {@code --endpoint-url}; wins over {@code AWS_ENDPOINT_URL}. Null or blank: not given. */
        public Builder endpointUrl(String endpointUrl) {
            this.endpointUrl = endpointUrl;
            return this;
        }

        /** The process environment (the CLI passes {@code System.getenv()}; tests pass a map). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder pricingRegion(String pricingRegion) {
            this.pricingRegion = pricingRegion;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder retryBaseDelay(Duration retryBaseDelay) {
            this.retryBaseDelay = retryBaseDelay;
            return this;
        }

        public Builder progress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @throws IllegalArgumentException on a bad endpoint URL, region list or attempt count (a usage error) */
        public RefreshOptions build() {
            List<String> r = regions.isEmpty() ? List.of(DEFAULT_REGION) : regions;
            return new RefreshOptions(r, services, profile, resolveEndpoint(), pricingRegion, maxAttempts,
                    retryBaseDelay, progress, clock, callTimeout, timeout, maxResponseBytes);
        }

        private URI resolveEndpoint() {
            if (endpointUrl != null && !endpointUrl.isBlank()) {
                return parseEndpoint(endpointUrl.trim(), "--endpoint-url");
            }
            String fromEnv = environment.get(ENDPOINT_ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return parseEndpoint(fromEnv.trim(), ENDPOINT_ENV);
            }
            return null;
        }

        private static URI parseEndpoint(String value, String origin) {
            try {
                URI uri = new URI(value);
                if (uri.getScheme() == null || uri.getHost() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    throw new IllegalArgumentException(origin + " '" + value
                            + "' is not an http(s) URL; expected e.g. http://localhost:4566");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(origin + " '" + value + "' is not a valid URL: " + e.getReason(), e);
            }
        }
    }
}
