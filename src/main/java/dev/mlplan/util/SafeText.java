package dev.mlplan.util;

import java.util.Locale;

/**
 * Makes text that came from outside (a workload's values, a file name, a saved plan) safe to print:
 * the one place that decides what may reach a terminal, a Markdown or CSV file, or a CI log raw.
 *
 * <p>Escaped as <code>&#92;uXXXX</code> (the form JSON and Java use, so a JSON document stays valid and means
 * the same): C0 controls other than newline and tab (ESC starts terminal sequences, BEL rings, CR
 * overwrites a line), DEL, C1 controls U+0080–U+009F (U+009B is a one-character CSI on some
 * terminals), the bidirectional overrides, embeddings and isolates U+202A–U+202E and U+2066–U+2069
 * and the marks U+200E, U+200F and U+061C (they reorder what a reviewer reads, "Trojan Source",
 * CVE-2021-42574), zero-width characters U+200B–U+200D, U+2060 and U+FEFF, the line and paragraph
 * separators U+2028/U+2029, private-use characters, lone surrogates and the tag characters
 * U+E0000–U+E007F.
 *
 * <p>And no line may start a CI command: GitHub Actions reads {@code ::name ...::} at the start of a
 * line (after spaces), Azure Pipelines {@code ##[...]} at the start and {@code ##vso[} anywhere in a
 * line. Their first character is escaped the same way (<code>&#92;u003A:error::</code>, <code>&#92;u0023#vso[</code>),
 * so the text stays readable and the runner ignores it.
 */
public final class SafeText {
    private SafeText() {}

    /** The SGR sequences mlplan's own terminal table writes (bold, red, green, yellow, reset), kept by {@link #keepingColour}. */
    private static final String[] OWN_COLOURS = {"\u001b[0m", "\u001b[1m", "\u001b[31m", "\u001b[32m", "\u001b[33m"};

    /** {@code text} with every dangerous character escaped and no line starting a CI command; null stays null. */
    public static String of(CharSequence text) {
        return text == null ? null : escape(text, false, false);
    }

    /**
     * {@link #of} for text that must stay on one line (a problem, a file name in a message or a
     * table cell): a line end or tab is escaped too ({@code \\u000A}), so input cannot start a
     * line of its own (a CI command) or break a table row.
     */
    public static String oneLine(CharSequence text) {
        return text == null ? null : escape(text, false, true);
    }

    /**
     * {@link #of} for a whole rendered output that may carry mlplan's own colour codes: those five
     * exact sequences pass, every other ESC is escaped.
     */
    public static String keepingColour(CharSequence text) {
        return text == null ? null : escape(text, true, false);
    }

    /** Whether {@code cp} is escaped wherever it appears. */
    public static boolean isDangerous(int cp) {
        return cp < 0x20 && cp != '\n' && cp != '\t'
                || cp >= 0x7f && cp <= 0x9f
                || cp == 0x061c || cp >= 0x200b && cp <= 0x200f
                || cp >= 0x2028 && cp <= 0x202e
                || cp >= 0x2060 && cp <= 0x2069
                || cp == 0xfeff
                || cp >= 0xd800 && cp <= 0xdfff
                || cp >= 0xe000 && cp <= 0xf8ff
                || cp >= 0xe0000 && cp <= 0xe007f
                || cp >= 0xf0000;
    }

    private static String escape(CharSequence text, boolean keepColour, boolean oneLine) {
        if (plain(text, oneLine)) {
            return text.toString();
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(text, i);
            int len = Character.charCount(cp);
            if (keepColour && cp == 0x1b) {
                String own = ownColourAt(text, i);
                if (own != null) {
                    sb.append(own);
                    i += own.length();
                    continue;
                }
            }
            if (oneLine && (cp == '\n' || cp == '\r' || cp == '\t')) {
                appendEscaped(sb, cp);
            } else if (cp == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                sb.append('\r'); // a Windows line end is a line end, not a carriage return over the line
            } else if (isDangerous(cp)) {
                appendEscaped(sb, cp);
            } else if (lineStart && startsCommand(text, i)) {
                appendEscaped(sb, cp);
                lineStart = false;
            } else if (cp == '#' && startsWith(text, i, "##vso[")) {
                appendEscaped(sb, cp);
            } else {
                sb.appendCodePoint(cp);
                if (cp == '\n') {
                    lineStart = true;
                } else if (cp != ' ' && cp != '\t') {
                    lineStart = false;
                }
            }
            i += len;
        }
        return sb.toString();
    }

    /**
     * Whether {@code text} certainly needs no escape: no control, format or private-use character,
     * no surrogate, and no "::" or "##" anywhere (where the careful pass decides). Most of a rendered
     * plan is such text, and is passed on as it is.
     */
    private static boolean plain(CharSequence text, boolean oneLine) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (oneLine || c != '\n' && c != '\t') {
                    return false;
                }
            } else if (c >= 0x7f) {
                if (isDangerous(c)) {
                    return false;
                }
            } else if ((c == ':' || c == '#') && i + 1 < n && text.charAt(i + 1) == c) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsCommand(CharSequence text, int i) {
        return startsWith(text, i, "::") || startsWith(text, i, "##[");
    }

    private static boolean startsWith(CharSequence text, int i, String prefix) {
        if (i + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toLowerCase(text.charAt(i + k)) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String ownColourAt(CharSequence text, int i) {
        for (String c : OWN_COLOURS) {
            if (startsWith(text, i, c)) {
                return c;
            }
        }
        return null;
    }

    private static void appendEscaped(StringBuilder sb, int cp) {
        if (Character.isSupplementaryCodePoint(cp)) {
            sb.append(String.format(Locale.ROOT, "\\u%04X\\u%04X", (int) Character.highSurrogate(cp), (int) Character.lowSurrogate(cp)));
        } else {
            sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
        }
    }

    /**
     * A writer that passes text on line by line through {@link #keepingColour}: what a command
     * streams (a plan of many workloads) is made safe exactly as the whole text would be, since
     * every rule here looks at one line at a time. {@link #finish()} writes a last line without a
     * line end; {@link #flush()} passes on complete lines only.
     */
    public static final class LineWriter extends java.io.Writer {
        private final java.io.Writer out;
        private final StringBuilder line = new StringBuilder();

        public LineWriter(java.io.Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws java.io.IOException {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (cbuf[i] == '\n') {
                    line.append(cbuf, start, i + 1 - start);
                    out.write(keepingColour(line));
                    line.setLength(0);
                    start = i + 1;
                }
            }
            line.append(cbuf, start, end - start);
        }

        @Override
        public void flush() throws java.io.IOException {
            out.flush();
        }

        /** Writes what is left of the last line and flushes. */
        public void finish() throws java.io.IOException {
            if (line.length() > 0) {
                out.write(keepingColour(line));
                line.setLength(0);
            }
            out.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            finish();
        }
    }
}
