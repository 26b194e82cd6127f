package dev.mlplan.report;

import dev.mlplan.gate.GateResult;
import dev.mlplan.gate.GateResult.InvalidFile;
import dev.mlplan.gate.GateResult.RuleResult;
import dev.mlplan.gate.GateResult.WorkloadGate;
import dev.mlplan.gate.Status;
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
        StringWriter sw = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
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
        return sw.toString();
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
