package dev.mlplan.util;

import java.time.LocalDate;

/**
 * ISO dates ({@code 2026-07-20}) read without {@link java.time.format.DateTimeFormatter}, whose
 * first use builds the JDK's standard formatters: some 4 ms of every cold start for one date
 * (docs/performance.md). The result and the errors are {@link LocalDate#parse}'s.
 */
public final class IsoDates {
    private IsoDates() {}

    /** @throws java.time.DateTimeException as {@link LocalDate#parse(CharSequence)} does */
    public static LocalDate parse(String text) {
        if (text != null && text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && digits(text, 0, 4) && digits(text, 5, 7) && digits(text, 8, 10)) {
            int year = Integer.parseInt(text, 0, 4, 10);
            int month = Integer.parseInt(text, 5, 7, 10);
            int day = Integer.parseInt(text, 8, 10, 10);
            if (month >= 1 && month <= 12 && day >= 1 && day <= LocalDate.of(year, month, 1).lengthOfMonth()) {
                return LocalDate.of(year, month, day);
            }
        }
        // anything else, valid or not, as the formatter reads it (with its message)
        return LocalDate.parse(text);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
