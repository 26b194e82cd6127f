package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.CatalogDocument;

/**
 * A successful refresh.
 *
 * @param catalog the merged catalog (fetched figures over the previous ones)
 * @param report what was refreshed, added, kept and skipped
 */
public record RefreshResult(CatalogDocument catalog, RefreshReport report) {}
