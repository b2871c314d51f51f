package org.e2eereview.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Model;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.Inspects;
import org.e2eereview.rules.Rule;
import org.e2eereview.rules.RuleEngine.NotAssessed;

/**
 * The review as JUnit XML, for CI servers: a test suite per weakening rule and a test case per
 * element it inspected. A counted finding at or above --fail-on fails its test case, with the
 * evidence; an accepted one is skipped with its justification, as is an element the rule could not
 * assess; anything else passes (a finding below the threshold says so in its output).
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    record Case(String name, String classname, String failure, String failureType, String failureText,
                String skipped, String out) {
    }

    public static String render(Review review, Severity failOn) {
        Map<String, List<Case>> suites = new TreeMap<>();
        Map<String, Reviewed> byId = new HashMap<>();
        for (Reviewed r : review.weakenings()) byId.put(r.finding().id(), r);
        Map<String, NotAssessed> skipped = new HashMap<>();
        for (NotAssessed n : review.notAssessed()) skipped.put(n.rule() + "@" + n.element(), n);
        for (Rule rule : SarifReport.weakeningRules(review)) {
            List<Case> cases = new ArrayList<>();
            for (String element : inspected(rule, review)) {
                String id = rule.id() + "@" + element;
                // The finding id, as the JUnit API names its dynamic tests (E2eeTestFactory) and acceptances key on.
                String name = id;
                Reviewed r = byId.get(id);
                NotAssessed n = skipped.get(id);
                if (r == null && n != null) {
                    cases.add(new Case(name, rule.id(), null, null, null,
                            "not assessed: " + n.field() + " not written", null));
                } else if (r == null) {
                    cases.add(new Case(name, rule.id(), null, null, null, null, null));
                } else if (r.status() == Reviewed.Status.ACCEPTED) {
                    cases.add(new Case(name, rule.id(), null, null, null, r.acceptance().status().yamlName() + " by "
                            + r.acceptance().decidedBy() + ": " + r.acceptance().justification(), null));
                } else if (failOn != null && r.finding().severity().atLeast(failOn)) {
                    cases.add(new Case(name, rule.id(), Inert.text(r.finding().message()),
                            r.finding().severity().yamlName(), evidence(r.finding()), null, null));
                } else {
                    cases.add(new Case(name, rule.id(), null, null, null, null, r.finding().severity().yamlName()
                            + " (below --fail-on): " + Inert.text(r.finding().message())));
                }
            }
            // What the rule could not judge on an element of another kind (a conversation's declared
            // protection checked against data) is a skipped case of its own.
            List<String> inspected = inspected(rule, review);
            for (NotAssessed n : review.notAssessed()) {
                if (!n.rule().equals(rule.id()) || (n.inspects() == rule.inspects() && inspected.contains(n.element()))) continue;
                cases.add(new Case(n.rule() + "@" + n.element(), rule.id(), null, null, null,
                        "not assessed: " + n.field() + " not written", null));
            }
            suites.put(rule.id(), cases);
        }
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "e2ee-review " + Inert.text(review.model().file()));
            writeCounts(x, suites.values().stream().flatMap(List::stream).toList());
            for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suite.getKey());
                writeCounts(x, suite.getValue());
                // What a re-run must match to give the same result: tool, rules, catalog and model.
                x.writeCharacters("\n    ");
                x.writeStartElement("properties");
                property(x, "e2ee-review.version", review.toolVersion());
                property(x, "e2ee-review.rules-sha256", review.rulesDigest());
                property(x, "e2ee-review.catalog-sha256", review.catalogDigest());
                property(x, "e2ee-review.model-sha256", review.model().sha256());
                x.writeCharacters("\n    ");
                x.writeEndElement();
                for (Case c : suite.getValue()) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("name", c.name());
                    x.writeAttribute("classname", c.classname());
                    x.writeAttribute("time", "0");
                    if (c.failure() != null) {
                        x.writeStartElement("failure");
                        x.writeAttribute("message", c.failure());
                        x.writeAttribute("type", c.failureType());
                        x.writeCharacters(c.failureText());
                        x.writeEndElement();
                    } else if (c.skipped() != null) {
                        x.writeEmptyElement("skipped");
                        x.writeAttribute("message", Inert.text(c.skipped()));
                    } else if (c.out() != null) {
                        x.writeStartElement("system-out");
                        x.writeCharacters(c.out());
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return text + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value);
    }

    private static void writeCounts(XMLStreamWriter x, List<Case> cases) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(cases.size()));
        x.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.failure() != null).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(cases.stream().filter(c -> c.skipped() != null).count()));
        x.writeAttribute("time", "0");
    }

    /** The elements a rule looked at, in model order; an element it found something on is always among them. */
    private static List<String> inspected(Rule rule, Review review) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(ofKind(rule.inspects(), review));
        for (Reviewed r : review.weakenings()) if (r.finding().rule().equals(rule.id())) out.add(r.finding().element());
        return List.copyOf(out);
    }

    private static List<String> ofKind(Inspects kind, Review review) {
        Model m = review.model();
        return switch (kind) {
            case PARTY -> List.copyOf(m.parties().keySet());
            case COMPONENT -> List.copyOf(m.components().keySet());
            case KEY -> List.copyOf(m.keys().keySet());
            case DATA -> List.copyOf(m.data().keySet());
            case CONVERSATION -> List.copyOf(m.conversations().keySet());
            case FLOW -> List.copyOf(m.flows().keySet());
            case FEATURE -> List.copyOf(m.features().keySet());
            case SYSTEM -> List.of("system");
            case OUTSIDER -> review.access().stream().map(a -> a.conversation() + "/" + a.party()).toList();
        };
    }

    private static String evidence(Finding f) {
        StringBuilder out = new StringBuilder(Inert.text(f.message())).append('\n');
        for (Finding.Chain c : f.evidence()) {
            out.append(Inert.text(c.title())).append(":\n");
            for (Step s : c.steps()) out.append("  ").append(s.at()).append("  ").append(Inert.text(s.text())).append('\n');
        }
        out.append("fix: ").append(f.remediation().strip());
        return out.toString();
    }
}
