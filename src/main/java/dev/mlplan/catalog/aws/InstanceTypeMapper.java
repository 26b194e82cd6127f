package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.InstanceType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.EbsOptimizedInfo;
import software.amazon.awssdk.services.ec2.model.GpuDeviceInfo;
import software.amazon.awssdk.services.ec2.model.GpuInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.NetworkCardInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInfo;
import software.amazon.awssdk.services.ec2.model.NeuronDeviceInfo;
import software.amazon.awssdk.services.ec2.model.NeuronInfo;

/**
 * DescribeInstanceTypes → {@link InstanceType}: vCPUs ({@code vCpuInfo.defaultVCpus}), memory
 * ({@code memoryInfo.sizeInMiB} / 1024), accelerators ({@code gpuInfo} or {@code neuronInfo}, names
 * by {@link AcceleratorNames}, total memory of the instance), EBS caps
 * ({@code ebsInfo.ebsOptimizedInfo} baseline/maximum Mbps and IOPS), baseline network bandwidth
 * (sum of {@code networkInfo.networkCards[].baselineBandwidthInGbps}, else the number in
 * {@code networkPerformance}), EFA interfaces ({@code efaInfo.maximumEfaInterfaces} when
 * {@code efaSupported}), {@code currentGeneration}. Family is the part of the name before the dot;
 * arch is {@code arm64} or {@code x86_64}.
 */
final class InstanceTypeMapper {
    private static final double MIB_PER_GIB = 1024;
    private static final Pattern GIGABIT = Pattern.compile("(?:(\\d+)\\s*x\\s*)?(\\d+(?:\\.\\d+)?)\\s*Gigabit");

    private InstanceTypeMapper() {}

    /** @throws IllegalArgumentException when the answer lacks the name, vCPUs or memory */
    static InstanceType map(InstanceTypeInfo info, String sourceId) {
        String name = info.instanceTypeAsString();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an instance type without instanceType");
        }
        if (info.vCpuInfo() == null || info.vCpuInfo().defaultVCpus() == null) {
            throw new IllegalArgumentException(name + ": no vCpuInfo.defaultVCpus");
        }
        if (info.memoryInfo() == null || info.memoryInfo().sizeInMiB() == null) {
            throw new IllegalArgumentException(name + ": no memoryInfo.sizeInMiB");
        }
        int dot = name.indexOf('.');
        String family = dot > 0 ? name.substring(0, dot) : name;
        return new InstanceType(
                name,
                family,
                arch(info),
                info.vCpuInfo().defaultVCpus(),
                info.memoryInfo().sizeInMiB() / MIB_PER_GIB,
                accelerators(info).orElse(null),
                ebs(info.ebsInfo() == null ? null : info.ebsInfo().ebsOptimizedInfo()),
                networkGbps(info.networkInfo()),
                efaInterfaces(info.networkInfo()),
                Boolean.TRUE.equals(info.currentGeneration()),
                sourceId);
    }

    private static String arch(InstanceTypeInfo info) {
        List<String> archs = info.processorInfo() == null ? List.of() : info.processorInfo().supportedArchitecturesAsStrings();
        if (archs.contains("arm64") || archs.contains("arm64_mac")) {
            return "arm64";
        }
        return archs.contains("x86_64") || archs.isEmpty() ? "x86_64" : archs.get(0);
    }

    static Optional<InstanceType.Accelerators> accelerators(InstanceTypeInfo info) {
        GpuInfo gpu = info.gpuInfo();
        if (gpu != null && gpu.hasGpus() && !gpu.gpus().isEmpty()) {
            GpuDeviceInfo first = gpu.gpus().get(0);
            int perGpu = first.memoryInfo() == null || first.memoryInfo().sizeInMiB() == null ? 0 : first.memoryInfo().sizeInMiB();
            return Optional.of(accelerators(AcceleratorNames.gpu(first.name(), perGpu), gpu.gpus(), GpuDeviceInfo::count,
                    d -> d.memoryInfo() == null ? null : d.memoryInfo().sizeInMiB(), gpu.totalGpuMemoryInMiB()));
        }
        NeuronInfo neuron = info.neuronInfo();
        if (neuron != null && neuron.hasNeuronDevices() && !neuron.neuronDevices().isEmpty()) {
            return Optional.of(accelerators(AcceleratorNames.neuron(neuron.neuronDevices().get(0).name()),
                    neuron.neuronDevices(), NeuronDeviceInfo::count,
                    d -> d.memoryInfo() == null ? null : d.memoryInfo().sizeInMiB(), neuron.totalNeuronDeviceMemoryInMiB()));
        }
        return Optional.empty();
    }

    /** Device count summed over the entries; total memory as reported, else summed (count × memory each). */
    private static <D> InstanceType.Accelerators accelerators(String name, List<D> devices, Function<D, Integer> count,
            Function<D, Integer> memoryMiBEach, Integer reportedTotalMiB) {
        int n = 0;
        long summedMiB = 0;
        for (D d : devices) {
            int c = n(count.apply(d));
            n += c;
            summedMiB += (long) c * n(memoryMiBEach.apply(d));
        }
        long totalMiB = reportedTotalMiB != null ? reportedTotalMiB : summedMiB;
        return new InstanceType.Accelerators(name, n, totalMiB / MIB_PER_GIB);
    }

    private static InstanceType.Ebs ebs(EbsOptimizedInfo e) {
        if (e == null) {
            return null;
        }
        return new InstanceType.Ebs(n(e.baselineBandwidthInMbps()), n(e.maximumBandwidthInMbps()), n(e.baselineIops()),
                n(e.maximumIops()));
    }

    static double networkGbps(NetworkInfo net) {
        if (net == null) {
            return 0;
        }
        if (net.hasNetworkCards()) {
            double sum = 0;
            boolean any = false;
            for (NetworkCardInfo card : net.networkCards()) {
                if (card.baselineBandwidthInGbps() != null) {
                    sum += card.baselineBandwidthInGbps();
                    any = true;
                }
            }
            if (any) {
                return sum;
            }
        }
        if (net.networkPerformance() != null) {
            Matcher m = GIGABIT.matcher(net.networkPerformance());
            if (m.find()) {
                double each = Double.parseDouble(m.group(2));
                return m.group(1) == null ? each : each * Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static int efaInterfaces(NetworkInfo net) {
        if (net == null || !Boolean.TRUE.equals(net.efaSupported())) {
            return 0;
        }
        return net.efaInfo() == null || net.efaInfo().maximumEfaInterfaces() == null ? 1 : net.efaInfo().maximumEfaInterfaces();
    }

    private static int n(Integer v) {
        return v == null ? 0 : v;
    }
}
