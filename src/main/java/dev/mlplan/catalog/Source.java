package dev.mlplan.catalog;

/**
 * Where a group of catalog figures comes from.
 *
 * @param id short key that figures refer to (e.g. "karpenter-2026-07-20")
 * @param kind "published" (copied from an AWS price list or document) or "estimated" (derived by the
 *     rule in {@code note})
 * @param asOf ISO date the figures describe
 */
public record Source(String id, String title, String url, String asOf, String kind, String note) {
    public boolean estimated() {
        return "estimated".equals(kind);
    }
}
