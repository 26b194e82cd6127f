package dev.mlplan.catalog;

import java.util.List;

/**
 * The catalog file as stored (embedded resource {@code /dev/mlplan/catalog/aws-catalog.json}, or a
 * refreshed file given with {@code --catalog}). Format version 1.
 *
 * @param id e.g. "aws-2026-07"
 * @param pricesAsOf ISO date of the newest price source
 * @param description one line: where the figures come from
 */
public record CatalogDocument(
        int formatVersion,
        String id,
        String pricesAsOf,
        String description,
        List<Source> sources,
        List<Accelerator> accelerators,
        List<InstanceType> instanceTypes,
        List<Price> prices,
        List<SpotInfo> spot,
        List<Limit> limits,
        List<ServicePrice> servicePrices,
        List<EbsVolumeType> ebsVolumeTypes) {

    public static final int FORMAT_VERSION = 1;
}
