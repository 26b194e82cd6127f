package dev.mlplan.workload;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/** "Did you mean" hints: the closest candidate by edit distance or by prefix. Used for every name mlplan checks. */
public final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {}

    /**
     * The candidate closest to {@code input}: an edit distance (Damerau, optimal string alignment,
     * case-insensitive) of at most 2 (1 for inputs of up to three characters) and less than the input's length, or else a prefix match
     * either way. Ties go to the earlier candidate.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        record Scored(String candidate, int distance, int order) {}
        List<String> list = List.copyOf(candidates);
        Optional<String> byDistance = IntStream.range(0, list.size())
                .mapToObj(i -> new Scored(list.get(i), distance(in, list.get(i).toLowerCase(Locale.ROOT)), i))
                .filter(s -> s.distance() <= maxDistance(in) && s.distance() < in.length())
                .min(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order))
                .map(Scored::candidate);
        if (byDistance.isPresent()) {
            return byDistance;
        }
        if (in.length() < 2) {
            return Optional.empty();
        }
        return list.stream()
                .filter(c -> {
                    String lc = c.toLowerCase(Locale.ROOT);
                    return lc.startsWith(in) || (in.startsWith(lc) && lc.length() >= 2);
                })
                .findFirst();
    }

    /** Two edits for words of four or more characters, one for shorter ones. */
    private static int maxDistance(String input) {
        return input.length() <= 3 ? 1 : MAX_DISTANCE;
    }

    /** "did you mean 'x'?" when a close candidate exists, else "expected one of: a, b, c". */
    static String hint(String input, Collection<String> candidates) {
        return closest(input, candidates).map(Suggestions::didYouMean).orElseGet(() -> oneOf(candidates));
    }

    /** " (did you mean 'x'?)" when a close candidate exists, else "": to append to a message. */
    public static String suffix(String input, Collection<String> candidates) {
        return closest(input, candidates).map(c -> " (" + didYouMean(c) + ")").orElse("");
    }

    static String didYouMean(String candidate) {
        return "did you mean '" + candidate + "'?";
    }

    static String oneOf(Collection<String> candidates) {
        return "expected one of: " + String.join(", ", candidates);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
