package dev.mlplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.gate.GateResult;
import dev.mlplan.gate.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The JUnit file parses with the JDK's XML parser whatever text a result holds: characters XML 1.0
 * cannot hold are never written (escaped as {@code \\uXXXX}), and a line end in an attribute is
 * written {@code &#10;}, so the parser reads it back as a line end, not a space.
 */
class JUnitWellFormedTest {
    @ParameterizedTest
    @ValueSource(strings = {"esc \u001b[31m red", "bel \u0007 nul \u0000", "line one\nline two", "crlf\r\nnext", "bad \uffff \ufffe",
        "lone \ud800 surrogate", "quote \" amp & lt < tab \t end", "\u009b c1 csi", "\n::stop-commands::zz"})
    void hostileTextStaysWellFormed(String text) throws Exception {
        var rule = new GateResult.RuleResult("budget", Status.FAIL, "over " + text);
        var w = new GateResult.WorkloadGate("w " + text, "dir/" + text + ".yaml", Status.FAIL, 10.0, 5.0, 4.0, null, null, null, null,
                "over " + text, List.of(rule), List.of());
        var g = new GateResult(Status.FAIL, "FAIL", false, null, List.of(w), null, null,
                List.of(new GateResult.InvalidFile("bad " + text + ".yaml", 1, 2, "problem " + text)));
        String xml = JUnitRenderer.render(g, f -> "ws/" + f);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0xfffe || c == 0xffff || c >= 0xd800 && c <= 0xdfff)
                .toArray()).as(xml).isEmpty();
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        // a line end in the reason survives the attribute as a line end (&#10;), not a space; CR LF is a line end
        String expected = "over " + dev.mlplan.util.SafeText.of(text.replace("\r\n", "\n")).replace("\uffff", "\\uFFFF").replace("\ufffe", "\\uFFFE");
        assertThat(failure.getAttribute("message")).isEqualTo(expected);
        // file= attributes are named by the path function (workspace-relative in check)
        Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("file")).startsWith("ws/dir/");
    }
}
