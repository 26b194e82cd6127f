package dev.mlplan.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefreshOptionsTest {

    @Test
    void defaults() {
        RefreshOptions o = RefreshOptions.builder().build();
        assertThat(o.regions()).containsExactly("us-east-1");
        assertThat(o.services()).containsExactlyInAnyOrder(AwsService.values());
        assertThat(o.profile()).isNull();
        assertThat(o.endpointUrl()).isNull();
        assertThat(o.pricingRegion()).isEqualTo("us-east-1");
        assertThat(o.maxAttempts()).isEqualTo(RefreshOptions.DEFAULT_MAX_ATTEMPTS);
        assertThat(o.progress()).isNotNull();
    }

    @Test
    void endpointComesFromTheEnvironmentUnlessGivenExplicitly() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
        assertThat(RefreshOptions.builder().environment(env).build().endpointUrl()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(RefreshOptions.builder().environment(env).endpointUrl("http://127.0.0.1:9999").build().endpointUrl())
                .isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(RefreshOptions.builder().environment(Map.of("AWS_ENDPOINT_URL", " ")).build().endpointUrl()).isNull();
    }

    @Test
    void badEndpointIsAUsageError() {
        assertThatThrownBy(() -> RefreshOptions.builder().endpointUrl("127.0.0.1:4566").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--endpoint-url");
        assertThatThrownBy(() -> RefreshOptions.builder().environment(Map.of("AWS_ENDPOINT_URL", "ftp://x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @Test
    void servicesParseFromTheCommandLineList() {
        assertThat(AwsService.parseList("ec2, Lambda,ebs")).isEqualTo(EnumSet.of(AwsService.EC2, AwsService.LAMBDA, AwsService.EBS));
        assertThatThrownBy(() -> AwsService.parseList("ec2,fargate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fargate'").hasMessageContaining("ec2, sagemaker, lambda, s3, ebs");
        assertThatThrownBy(() -> AwsService.parseList(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regionsAreDeduplicatedAndTheRunDateComesFromTheClock() {
        RefreshOptions o = RefreshOptions.builder().regions(List.of("us-west-2", "us-east-1", "us-west-2"))
                .clock(TestCatalogs.CLOCK).build();
        assertThat(o.regions()).containsExactly("us-west-2", "us-east-1");
        assertThat(o.runDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThatThrownBy(() -> RefreshOptions.builder().maxAttempts(0).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
