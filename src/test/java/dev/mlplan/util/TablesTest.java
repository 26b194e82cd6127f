package dev.mlplan.util;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 7, found by DeterminismIT): under LANG=C, Java 17's default charset is ASCII and
 * ascii-table turned every non-ASCII character of a cell into '?'. {@link Tables} keeps them, and
 * lays the table out as if each were one column wide, whatever the default charset.
 */
class TablesTest {
    private static final Column[] COLS = {new Column().header("a"), new Column().header("b")};

    @Test
    void nonAsciiCellsSurviveAndAlign() {
        String t = Tables.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, COLS,
                new Object[][] {{"3 nodes × 16", "a → b · c"}, {"plain", "\u4e2d\u6587 \ud83d\ude80 …"}});
        assertThat(t).contains("3 nodes × 16", "a → b · c", "\u4e2d\u6587 \ud83d\ude80 …").doesNotContain("?");
        String ascii = Tables.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, COLS,
                new Object[][] {{"3 nodes x 16", "a > b . c"}, {"plain", "xx x x"}});
        assertThat(t.lines().map(l -> l.codePointCount(0, l.length())).toList())
                .isEqualTo(ascii.lines().map(l -> l.codePointCount(0, l.length())).toList());
    }

    @Test
    void controlCharactersInCellsAndManyDistinctCharactersAreKept() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            many.appendCodePoint(0x3b1 + i);
        }
        String t = Tables.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, COLS, new Object[][] {{"x\u0001y", "é"}, {many.toString(), null}});
        assertThat(t).contains("x\u0001y", "é", many.substring(0, 25));
    }
}
