package dev.mlplan.util;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text tables (ascii-table) that come out the same whatever the JVM's default charset.
 *
 * <p>ascii-table builds each table through an {@code OutputStreamWriter} and a
 * {@code ByteArrayOutputStream} in the <em>default</em> charset, which on Java 17 follows the
 * locale: under {@code LANG=C} or an unset LANG (most CI containers) it is ASCII, and every "×" or
 * "→" in a cell became "?". Here each non-ASCII character of the cells is swapped for an unused
 * ASCII control character (the library measures both as one character) and swapped back in the
 * finished table.
 */
public final class Tables {
    private Tables() {}

    /** Like {@link AsciiTable#getTable(Character[], Column[], Object[][])}; headers must be ASCII. */
    public static String getTable(Character[] border, Column[] columns, Object[][] data) {
        Map<Integer, Character> out = new LinkedHashMap<>();
        Map<Character, Integer> back = new LinkedHashMap<>();
        boolean[] used = new boolean[32];
        for (Object[] row : data) {
            for (Object cell : row) {
                // a loop, not chars().filter(…): a stream costs ~75 µs at its first run in a cold JVM (docs/performance.md)
                String text = String.valueOf(cell);
                for (int i = 0; i < text.length(); i++) {
                    char ch = text.charAt(i);
                    if (ch < 32) {
                        used[ch] = true;
                    }
                }
            }
        }
        char next = 1;
        String[][] mapped = new String[data.length][];
        for (int r = 0; r < data.length; r++) {
            mapped[r] = new String[data[r].length];
            for (int c = 0; c < data[r].length; c++) {
                String cell = data[r][c] == null ? null : String.valueOf(data[r][c]);
                if (cell == null) {
                    continue;
                }
                StringBuilder sb = new StringBuilder(cell.length());
                for (int i = 0; i < cell.length(); ) {
                    int cp = cell.codePointAt(i);
                    i += Character.charCount(cp);
                    if (cp < 128) {
                        sb.append((char) cp);
                        continue;
                    }
                    Character placeholder = out.get(cp);
                    if (placeholder == null) {
                        while (next < 32 && (used[next] || next == '\t' || next == '\n' || next == '\r')) {
                            next++;
                        }
                        if (next >= 32) {
                            sb.appendCodePoint(cp); // more distinct characters than placeholders: left to the library
                            continue;
                        }
                        placeholder = next++;
                        out.put(cp, placeholder);
                        back.put(placeholder, cp);
                    }
                    sb.append(placeholder.charValue());
                }
                mapped[r][c] = sb.toString();
            }
        }
        String table = AsciiTable.getTable(border, columns, mapped);
        if (back.isEmpty()) {
            return table;
        }
        StringBuilder sb = new StringBuilder(table.length());
        for (int i = 0; i < table.length(); i++) {
            char ch = table.charAt(i);
            Integer cp = ch < 32 ? back.get(ch) : null;
            if (cp == null) {
                sb.append(ch);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }
}
