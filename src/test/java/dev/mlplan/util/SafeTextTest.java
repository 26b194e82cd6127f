package dev.mlplan.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SafeText}: what is escaped, what stays, and (seeded) that no output carries a dangerous character or a CI command. */
class SafeTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ESC            | a\u001b[31mb            | a\\u001B[31mb
            BEL            | a\u0007b                | a\\u0007b
            C1 CSI         | a\u009b2Jb              | a\\u009B2Jb
            DEL            | a\u007fb                | a\\u007Fb
            lone CR        | a\rb                    | a\\u000Db
            RLO            | abc\u202edef            | abc\\u202Edef
            LRI            | x\u2066y                | x\\u2066y
            RLM            | x\u200fy                | x\\u200Fy
            ALM            | x\u061cy                | x\\u061Cy
            ZWSP           | ep\u200bochs            | ep\\u200Bochs
            BOM inside     | a\ufeffb                | a\\uFEFFb
            private use    | a\ue000b                | a\\uE000b
            line separator | a\u2028b                | a\\u2028b
            GitHub command | ::error::pwned          | \\u003A:error::pwned
            indented       | '   ::set-output x'     | '   \\u003A:set-output x'
            Azure anywhere | see ##vso[task.x]1      | see \\u0023#vso[task.x]1
            Azure upper    | ##VSO[task.x]1          | \\u0023#VSO[task.x]1
            Azure format   | ##[error]x              | \\u0023#[error]x
            harmless       | plain: text -- ok :: ## | plain: text -- ok :: ##
            unicode        | Zürich · 日本 → ✅ ⚠️     | Zürich · 日本 → ✅ ⚠️
            """)
    void escapes(String what, String in, String expected) {
        assertThat(SafeText.of(in)).as(what).isEqualTo(expected);
    }

    @Test
    void linesAreCheckedOneByOne() {
        assertThat(SafeText.of("ok\n::error::x")).isEqualTo("ok\n\\u003A:error::x");
        assertThat(SafeText.of("a\r\n::warning::x")).as("a Windows line end stays").isEqualTo("a\r\n\\u003A:warning::x");
        assertThat(SafeText.of("a\tb")).isEqualTo("a\tb");
        assertThat(SafeText.of("a::b ##[x]")).as("mid-line :: and ##[ are harmless").isEqualTo("a::b ##[x]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            own bold and reset | y\u001b[1mx\u001b[0m         | y\u001b[1mx\u001b[0m
            other SGR          | y\u001b[5mx                  | y\\u001B[5mx
            OSC title          | y\u001b]0;pwned\u0007z       | y\\u001B]0;pwned\\u0007z
            """)
    void keepingColourKeepsOnlyMlplansOwnCodes(String what, String in, String expected) {
        assertThat(SafeText.keepingColour(in)).as(what).isEqualTo(expected);
    }

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    /** Random text from a pool rich in the characters that matter: nothing dangerous survives, no line starts a command. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noOutputCarriesADangerousCharacterOrCommand(int seed) {
        Random random = new Random(seed);
        int[] pool = {'a', ' ', '\n', '\r', '\t', ':', '#', '[', 'v', 's', 'o', 0x1b, 0x07, 0x00, 0x7f, 0x85, 0x9b, 0x202e, 0x2066, 0x200b, 0xfeff,
            0xd800, 0xdc00, 0xe0001, 0x1f600, 'x'};
        for (int n = 0; n < 200; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                sb.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String out = SafeText.of(sb);
            assertThat(out.replace("\r\n", "\n").codePoints().filter(SafeText::isDangerous).toArray()).as(sb.toString()).isEmpty();
            assertThat(out.toLowerCase(java.util.Locale.ROOT)).doesNotContain("##vso[");
            for (String line : out.split("\n", -1)) {
                String s = line.stripLeading();
                assertThat(s).doesNotStartWith("::").doesNotStartWith("##[");
            }
            assertThat(SafeText.of(out)).as("escaping is stable: escaped text needs no more").isEqualTo(out);
        }
    }
}
