package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitReportTest {

    static Stream<Path> examples() throws Exception {
        return Corpus.files("examples").stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsValidJUnitXmlWithAFailurePerFindingAtTheThreshold(Path example) throws Exception {
        Review review = Corpus.reviewer().review(example);
        String xml = JUnitReport.render(review, Severity.HIGH);
        validate(xml);
        Document doc = parse(xml);
        Element suites = doc.getDocumentElement();
        long counted = review.weakenings().stream()
                .filter(r -> r.status() != Reviewed.Status.ACCEPTED && r.finding().severity().atLeast(Severity.HIGH))
                .count();
        assertThat(Integer.parseInt(suites.getAttribute("failures"))).isEqualTo(counted);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(counted);
        assertThat(Integer.parseInt(suites.getAttribute("tests"))).isEqualTo(doc.getElementsByTagName("testcase").getLength());
        assertThat(Integer.parseInt(suites.getAttribute("skipped"))).isEqualTo(review.notAssessed().size())
                .isEqualTo(doc.getElementsByTagName("skipped").getLength());
        assertThat(counted > 0).isEqualTo(review.failsAt(Severity.HIGH));
        assertThat(xml).contains("<property name=\"e2ee-review.model-sha256\" value=\"" + review.model().sha256() + "\"/>")
                .contains("<property name=\"e2ee-review.rules-sha256\" value=\"" + review.rulesDigest() + "\"/>");

        NodeList failures = doc.getElementsByTagName("failure");
        for (int i = 0; i < failures.getLength(); i++) {
            Element testcase = (Element) failures.item(i).getParentNode();
            String id = testcase.getAttribute("name");
            assertThat(id).startsWith(testcase.getAttribute("classname") + "@");
            assertThat(review.weakenings()).as(id).anyMatch(r -> r.finding().id().equals(id));
            assertThat(failures.item(i).getTextContent()).contains("fix: ");
        }
        assertThat(JUnitReport.render(Corpus.reviewer().review(example), Severity.HIGH)).isEqualTo(xml);
    }

    @Test
    void theThresholdDecidesWhatFails() throws Exception {
        Review ghost = Corpus.reviewer().review(Repo.file("examples/ghost-proposal.yaml"));
        Document none = parse(JUnitReport.render(ghost, null));
        assertThat(none.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(none.getElementsByTagName("system-out").getLength()).isEqualTo(ghost.weakenings().size());
        Document info = parse(JUnitReport.render(ghost, Severity.INFO));
        assertThat(info.getElementsByTagName("failure").getLength()).isEqualTo(ghost.weakenings().size());
        Element ghostCase = find(info, "GHOST-PARTICIPANT", "GHOST-PARTICIPANT@group-chat");
        Element failure = (Element) ghostCase.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("critical");
        assertThat(failure.getTextContent()).contains("examples/ghost-proposal.yaml:255:22");
    }

    static Element find(Document doc, String classname, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("classname").equals(classname) && e.getAttribute("name").equals(name)) return e;
        }
        throw new AssertionError("no test case " + classname + " / " + name);
    }

    static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Validator validator = factory.newSchema(Repo.file("e2ee-review-core/src/test/resources/junit/junit.xsd").toFile()).newValidator();
        validator.validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
