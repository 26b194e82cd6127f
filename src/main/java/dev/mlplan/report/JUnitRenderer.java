package dev.mlplan.report;

import dev.mlplan.gate.GateResult;
import dev.mlplan.gate.GateResult.InvalidFile;
import dev.mlplan.gate.GateResult.RuleResult;
import dev.mlplan.gate.GateResult.WorkloadGate;
import dev.mlplan.gate.Status;
import dev.mlplan.util.SafeText;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A check as JUnit XML, which CI systems (GitHub Actions reporters, GitLab, Jenkins) display: one
 * test suite per workload, one test case per rule (budget, max-increase). A failed rule is a
 * {@code <failure>}; a warning passes and says so in {@code <system-out>} (JUnit has no warning). An
 * invalid file is a suite of one case with an {@code <error>} at its line.
 * No timestamps or host names, so the file is byte-stable. Written with the JDK's StAX writer.
 */
public final class JUnitRenderer {
    private JUnitRenderer() {}

    public static String render(GateResult g) {
        return render(g, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param path how a {@code file=} attribute names a file (relative to {@code GITHUB_WORKSPACE}, as annotations do); the
     *     suite and class names keep the file as given
     */
    public static String render(GateResult g, java.util.function.UnaryOperator<String> path) {
        StringWriter sw = new StringWriter();
        try {
            XMLStreamWriter x = safe(XMLOutputFactory.newFactory().createXMLStreamWriter(sw), path);
            x.writeStartDocument("UTF-8", "1.0");
            nl(x, 0);
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "mlplan check");
            x.writeAttribute("tests", String.valueOf(tests(g)));
            x.writeAttribute("failures", String.valueOf(failures(g)));
            x.writeAttribute("errors", String.valueOf(g.invalid().size()));
            x.writeAttribute("time", "0");
            for (WorkloadGate w : g.workloads()) {
                nl(x, 1);
                x.writeStartElement("testsuite");
                x.writeAttribute("name", "mlplan check: " + w.name());
                x.writeAttribute("tests", String.valueOf(w.rules().size()));
                x.writeAttribute("failures", String.valueOf(failures(w)));
                x.writeAttribute("errors", "0");
                x.writeAttribute("skipped", "0");
                x.writeAttribute("time", "0");
                if (w.file() != null) {
                    x.writeAttribute("file", w.file());
                }
                for (RuleResult r : w.rules()) {
                    nl(x, 2);
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", "mlplan." + w.name());
                    x.writeAttribute("name", r.rule());
                    if (w.file() != null) {
                        x.writeAttribute("file", w.file());
                    }
                    x.writeAttribute("time", "0");
                    if (r.status() == Status.FAIL) {
                        nl(x, 3);
                        x.writeStartElement("failure");
                        x.writeAttribute("type", r.rule());
                        x.writeAttribute("message", r.reason());
                        x.writeCharacters(w.name() + ": " + r.reason());
                        x.writeEndElement();
                    }
                    nl(x, 3);
                    x.writeStartElement("system-out");
                    x.writeCharacters(r.status().id() + ": " + r.reason());
                    x.writeEndElement();
                    nl(x, 2);
                    x.writeEndElement();
                }
                nl(x, 1);
                x.writeEndElement();
            }
            for (InvalidFile f : g.invalid()) {
                invalid(x, f);
            }
            if (GithubRenderer.gated(g)) {
                portfolio(x, g.portfolio());
            }
            nl(x, 0);
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        // attribute line ends and tabs were written as placeholders the writer leaves alone (see Safe): now character references
        return sw.toString().replace(String.valueOf(ATTR_LF), "&#10;").replace(String.valueOf(ATTR_TAB), "&#9;");
    }

    /** Stand-ins for a line end and a tab inside an attribute value: private-use characters, which {@link SafeText} never lets through. */
    private static final char ATTR_LF = '\uE000';
    private static final char ATTR_TAB = '\uE001';

    /**
     * Text as XML 1.0 may hold it: control characters, lone surrogates and the rest {@link SafeText}
     * escapes as {@code \\uXXXX} (so an invalid file's YAML error with an ESC stays well-formed and
     * readable), U+FFFE and U+FFFF too (not XML characters), a CR LF as a line end.
     */
    static String xmlText(String s) {
        String t = SafeText.of(s.replace("\r\n", "\n"));
        return t.indexOf('\uFFFE') < 0 && t.indexOf('\uFFFF') < 0 ? t : t.replace("\uFFFE", "\\uFFFE").replace("\uFFFF", "\\uFFFF");
    }

    /** An attribute value: {@link #xmlText}, with line ends and tabs kept as {@code &#10;} and {@code &#9;} (a parser would read them raw as spaces). */
    static String xmlAttribute(String s) {
        return xmlText(s).replace('\n', ATTR_LF).replace('\t', ATTR_TAB);
    }

    /** The StAX writer with every attribute and text made XML-safe, and {@code file=} attributes named by {@code path}. */
    private static XMLStreamWriter safe(XMLStreamWriter x, java.util.function.UnaryOperator<String> path) {
        return (XMLStreamWriter) java.lang.reflect.Proxy.newProxyInstance(XMLStreamWriter.class.getClassLoader(), new Class<?>[] {XMLStreamWriter.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("writeAttribute") && args.length == 2) {
                        String name = (String) args[0];
                        args = new Object[] {name, xmlAttribute(name.equals("file") ? path.apply((String) args[1]) : (String) args[1])};
                    } else if (method.getName().equals("writeCharacters") && args.length == 1 && args[0] instanceof String t) {
                        args = new Object[] {xmlText(t)};
                    }
                    try {
                        return method.invoke(x, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** An invalid file: a suite with one case, "workload", in {@code <error>} (the file could not be checked, which is not a failed rule). */
    private static void invalid(XMLStreamWriter x, InvalidFile f) throws XMLStreamException {
        nl(x, 1);
        x.writeStartElement("testsuite");
        x.writeAttribute("name", "mlplan check: " + f.file());
        x.writeAttribute("tests", "1");
        x.writeAttribute("failures", "0");
        x.writeAttribute("errors", "1");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", "0");
        x.writeAttribute("file", f.file());
        nl(x, 2);
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "mlplan." + f.file());
        x.writeAttribute("name", "workload");
        x.writeAttribute("file", f.file());
        if (f.line() != null) {
            x.writeAttribute("line", String.valueOf(f.line()));
        }
        x.writeAttribute("time", "0");
        nl(x, 3);
        x.writeStartElement("error");
        x.writeAttribute("type", "invalid-workload");
        x.writeAttribute("message", f.describe());
        x.writeCharacters(f.describe());
        x.writeEndElement();
        nl(x, 2);
        x.writeEndElement();
        nl(x, 1);
        x.writeEndElement();
    }

    /** With {@code --total}: a suite for the portfolio with one case, its budget. */
    private static void portfolio(XMLStreamWriter x, GateResult.PortfolioGate p) throws XMLStreamException {
        boolean failed = p.status() == Status.FAIL;
        nl(x, 1);
        x.writeStartElement("testsuite");
        x.writeAttribute("name", "mlplan check: portfolio");
        x.writeAttribute("tests", "1");
        x.writeAttribute("failures", failed ? "1" : "0");
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", "0");
        nl(x, 2);
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "mlplan.portfolio");
        x.writeAttribute("name", "budget");
        x.writeAttribute("time", "0");
        if (failed) {
            nl(x, 3);
            x.writeStartElement("failure");
            x.writeAttribute("type", "budget");
            x.writeAttribute("message", p.reason());
            x.writeCharacters("portfolio: " + p.reason());
            x.writeEndElement();
        }
        nl(x, 3);
        x.writeStartElement("system-out");
        x.writeCharacters(p.status().id() + ": " + p.reason());
        x.writeEndElement();
        nl(x, 2);
        x.writeEndElement();
        nl(x, 1);
        x.writeEndElement();
    }

    private static int tests(GateResult g) {
        return g.workloads().stream().mapToInt(w -> w.rules().size()).sum() + (GithubRenderer.gated(g) ? 1 : 0) + g.invalid().size();
    }

    private static long failures(GateResult g) {
        return g.workloads().stream().mapToLong(JUnitRenderer::failures).sum()
                + (GithubRenderer.gated(g) && g.portfolio().status() == Status.FAIL ? 1 : 0);
    }

    private static long failures(WorkloadGate w) {
        return w.rules().stream().filter(r -> r.status() == Status.FAIL).count();
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }
}
