package dev.mlplan.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlplan.catalog.InstanceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ec2.model.GpuDeviceInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.NetworkCardInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInfo;
import software.amazon.awssdk.services.ec2.model.NeuronDeviceInfo;

class InstanceTypeMapperTest {

    @ParameterizedTest
    @CsvSource({
        "A100, 40960, A100-40GB",
        "A100, 81920, A100-80GB",
        "H100, 81920, H100",
        "H200, 144384, H200",
        "B200, 183359, B200",
        "A10G, 22888, A10G",
        "L4, 22888, L4",
        "L40S, 45776, L40S",
        "T4, 16384, T4",
        "T4g, 16384, T4G",
        "V100, 16384, V100",
        "V100, 32768, V100-32GB",
        "Radeon Pro V520, 8192, V520",
        "Gaudi HL-205, 32768, GAUDI-HL-205"
    })
    void gpuNames(String ec2Name, int memoryMiB, String key) {
        assertThat(AcceleratorNames.gpu(ec2Name, memoryMiB)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"Inferentia, Inferentia1", "Inferentia2, Inferentia2", "Trainium, Trainium1", "Trainium2, Trainium2"})
    void neuronNames(String ec2Name, String key) {
        assertThat(AcceleratorNames.neuron(ec2Name)).isEqualTo(key);
    }

    @Test
    void gpuInstance() {
        InstanceTypeInfo info = InstanceTypeInfo.builder()
                .instanceType("g6e.12xlarge")
                .currentGeneration(true)
                .processorInfo(p -> p.supportedArchitecturesWithStrings("x86_64"))
                .vCpuInfo(v -> v.defaultVCpus(48))
                .memoryInfo(m -> m.sizeInMiB(393216L))
                .gpuInfo(g -> g.gpus(GpuDeviceInfo.builder().name("L40S").manufacturer("NVIDIA").count(4)
                                .memoryInfo(mi -> mi.sizeInMiB(45776)).build())
                        .totalGpuMemoryInMiB(183104))
                .ebsInfo(e -> e.ebsOptimizedInfo(o -> o.baselineBandwidthInMbps(20000).maximumBandwidthInMbps(20000)
                        .baselineIops(80000).maximumIops(80000)))
                .networkInfo(n -> n.networkPerformance("100 Gigabit").efaSupported(true).efaInfo(e -> e.maximumEfaInterfaces(1))
                        .networkCards(NetworkCardInfo.builder().baselineBandwidthInGbps(100.0).build()))
                .build();

        InstanceType t = InstanceTypeMapper.map(info, "src");

        assertThat(t.name()).isEqualTo("g6e.12xlarge");
        assertThat(t.family()).isEqualTo("g6e");
        assertThat(t.arch()).isEqualTo("x86_64");
        assertThat(t.vcpus()).isEqualTo(48);
        assertThat(t.memoryGiB()).isEqualTo(384);
        assertThat(t.accelerators()).isEqualTo(new InstanceType.Accelerators("L40S", 4, 183104 / 1024.0));
        assertThat(t.ebs()).isEqualTo(new InstanceType.Ebs(20000, 20000, 80000, 80000));
        assertThat(t.networkGbps()).isEqualTo(100);
        assertThat(t.efaInterfaces()).isEqualTo(1);
        assertThat(t.currentGeneration()).isTrue();
        assertThat(t.source()).isEqualTo("src");
    }

    @Test
    void neuronInstanceWithoutTotalSumsTheDevices() {
        InstanceTypeInfo info = InstanceTypeInfo.builder()
                .instanceType("trn2.48xlarge")
                .vCpuInfo(v -> v.defaultVCpus(192))
                .memoryInfo(m -> m.sizeInMiB(2097152L))
                .neuronInfo(n -> n.neuronDevices(NeuronDeviceInfo.builder().name("Trainium2").count(16)
                        .memoryInfo(mi -> mi.sizeInMiB(98304)).build()))
                .build();

        InstanceType t = InstanceTypeMapper.map(info, "src");

        assertThat(t.accelerators()).isEqualTo(new InstanceType.Accelerators("Trainium2", 16, 1536));
        assertThat(t.ebs()).isNull();
        assertThat(t.currentGeneration()).isFalse();
    }

    @Test
    void cpuInstanceOnArm() {
        InstanceTypeInfo info = InstanceTypeInfo.builder()
                .instanceType("c7g.large")
                .processorInfo(p -> p.supportedArchitecturesWithStrings("arm64"))
                .vCpuInfo(v -> v.defaultVCpus(2))
                .memoryInfo(m -> m.sizeInMiB(4096L))
                .build();

        InstanceType t = InstanceTypeMapper.map(info, "src");

        assertThat(t.arch()).isEqualTo("arm64");
        assertThat(t.accelerators()).isNull();
        assertThat(t.hasAccelerator()).isFalse();
        assertThat(t.networkGbps()).isZero();
    }

    @Test
    void networkFallsBackToTheNetworkPerformanceText() {
        assertThat(InstanceTypeMapper.networkGbps(NetworkInfo.builder().networkPerformance("8x 100 Gigabit").build())).isEqualTo(800);
        assertThat(InstanceTypeMapper.networkGbps(NetworkInfo.builder().networkPerformance("Up to 12.5 Gigabit").build())).isEqualTo(12.5);
        assertThat(InstanceTypeMapper.networkGbps(NetworkInfo.builder().networkPerformance("Moderate").build())).isZero();
    }

    @Test
    void aTypeWithoutMemoryIsRejected() {
        InstanceTypeInfo info = InstanceTypeInfo.builder().instanceType("x9.large").vCpuInfo(v -> v.defaultVCpus(2)).build();
        assertThatThrownBy(() -> InstanceTypeMapper.map(info, "src"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x9.large").hasMessageContaining("memoryInfo");
    }
}
