package dev.mlplan.catalog.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * Builds the SDK clients of one refresh: {@link UrlConnectionHttpClient} (no Netty/Apache), the
 * requested region, the credentials provider, the endpoint override and the retry strategy.
 *
 * <ul>
 *   <li>Credentials: {@link DefaultCredentialsProvider} (the default chain), or
 *       {@link ProfileCredentialsProvider} for {@code --profile}, or a provider given to
 *       {@link #withCredentials} (tests).
 *   <li>Retries: {@link AwsRetryStrategy#standardRetryStrategy()} with the options' attempt count;
 *       it backs off exponentially with jitter and treats throttling errors (ThrottlingException,
 *       RequestLimitExceeded, HTTP 429 …) with a longer throttling backoff. {@code maxAttempts == 1}
 *       gives {@link AwsRetryStrategy#doNotRetry()}.
 *   <li>Endpoint: {@link RefreshOptions#endpointUrl()} when set, for Pricing and EC2 alike.
 *   <li>Timeouts: connect {@link RefreshOptions#connectTimeout()}, socket read and
 *       {@code apiCallAttemptTimeout} {@link RefreshOptions#callTimeout()}; each request also carries the
 *       overall deadline ({@link Deadline}). With the defaults (5 attempts, 5 s connect), an endpoint
 *       that refuses or never answers connections fails within about 30 s.
 *   <li>Responses: bodies larger than {@link RefreshOptions#maxResponseBytes()} fail the call
 *       ({@link ResponseLimit}).
 * </ul>
 */
public final class AwsClients {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final AwsCredentialsProvider credentialsOverride;

    private AwsClients(AwsCredentialsProvider credentialsOverride) {
        this.credentialsOverride = credentialsOverride;
    }

    /** Credentials from {@code --profile} or the default chain. */
    public static AwsClients standard() {
        return new AwsClients(null);
    }

    /** Credentials from this provider whatever the options say (tests; embedding applications). */
    public static AwsClients withCredentials(AwsCredentialsProvider provider) {
        return new AwsClients(provider);
    }

    AwsCredentialsProvider credentials(RefreshOptions opts) {
        if (credentialsOverride != null) {
            return credentialsOverride;
        }
        if (opts.profile() != null) {
            return ProfileCredentialsProvider.builder().profileName(opts.profile()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** True when {@code provider} was given to {@link #withCredentials} (its owner closes it). */
    boolean isOverride(AwsCredentialsProvider provider) {
        return provider == credentialsOverride;
    }

    PricingClient pricing(RefreshOptions opts, AwsCredentialsProvider credentials) {
        return build(PricingClient.builder(), opts, opts.pricingRegion(), credentials);
    }

    Ec2Client ec2(RefreshOptions opts, String region, AwsCredentialsProvider credentials) {
        return build(Ec2Client.builder(), opts, region, credentials);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
            RefreshOptions opts, String region, AwsCredentialsProvider credentials) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(httpClient(opts))
                .overrideConfiguration(overrides(opts));
        if (opts.endpointUrl() != null) {
            builder.endpointOverride(opts.endpointUrl());
        }
        return builder.build();
    }

    private static SdkHttpClient httpClient(RefreshOptions opts) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(opts.connectTimeout())
                .socketTimeout(opts.callTimeout())
                .build();
    }

    private static ClientOverrideConfiguration overrides(RefreshOptions opts) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy(opts))
                .apiCallAttemptTimeout(opts.callTimeout())
                .apiCallTimeout(opts.timeout())
                .addExecutionInterceptor(new ResponseLimit(opts.maxResponseBytes()))
                .build();
    }

    static RetryStrategy retryStrategy(RefreshOptions opts) {
        if (opts.maxAttempts() <= 1) {
            return AwsRetryStrategy.doNotRetry();
        }
        var b = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(opts.maxAttempts());
        if (opts.retryBaseDelay() != null) {
            Duration base = opts.retryBaseDelay();
            Duration max = base.multipliedBy(64);
            if (max.compareTo(MAX_BACKOFF) > 0) {
                max = MAX_BACKOFF;
            }
            b.backoffStrategy(BackoffStrategy.exponentialDelay(base, max))
                    .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(base, max));
        }
        return b.build();
    }
}
