package org.e2eereview.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.Builtin;
import org.e2eereview.report.Hostile;
import org.e2eereview.report.OutputFormat;
import org.e2eereview.report.Reports;
import org.e2eereview.review.Review;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The submission PDFs the tests check: every example's, with and without the proposals
 * (--assess all), and the hostile model's, each rendered once for all the tests that read it.
 */
final class Submissions {

    /** One PDF to check: what it was made from, and the review it reports. */
    record Case(String name, Review review, byte[] pdf, Document xhtml) {

        /** The text of every heading of the page the PDF was made from. */
        List<String> headings() {
            List<String> out = new ArrayList<>();
            for (String h : List.of("h1", "h2", "h3", "h4", "h5", "h6")) out.addAll(texts(xhtml.getElementsByTagNameNS("*", h)));
            return out;
        }

        /** The text of every table header row, its cells in order. */
        List<String> tableHeads() {
            return texts(xhtml.getElementsByTagNameNS("*", "thead"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The format as the command line finds it, by name. */
    static final OutputFormat PDF = Builtin.named("submission-pdf");

    private static final Map<String, Case> CACHE = new ConcurrentHashMap<>();
    private static Path hostileDir;

    private Submissions() {
    }

    static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path p : Corpus.files("examples")) {
            String example = Repo.ROOT.relativize(p).toString();
            names.add(example);
            names.add(example + " --assess all");
        }
        names.add("hostile");
        names.add("hostile --assess all");
        return names;
    }

    static Case get(String name) {
        return CACHE.computeIfAbsent(name, Submissions::render);
    }

    private static Case render(String name) {
        try {
            boolean assess = name.endsWith(" --assess all");
            String source = assess ? name.substring(0, name.length() - " --assess all".length()) : name;
            Path model = source.equals("hostile") ? Hostile.model(hostileDir()) : Repo.file(source);
            return pdf(name, model, assess);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e, e);
        }
    }

    static Case pdf(String name, Path model, boolean assess) throws Exception {
        var assessment = assess ? new Assessor(Corpus.reviewer()).assess(model, List.of()) : null;
        Review review = assess ? assessment.original() : Corpus.reviewer().review(model);
        var options = new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null,
                "java -jar e2ee-review.jar review MODEL --today 2026-06-01", assessment);
        List<byte[]> out = Reports.render(review, List.of(PDF, Builtin.SUBMISSION_HTML), options);
        return new Case(name, review, out.get(0), PdfDocument.parse(new String(out.get(1), StandardCharsets.UTF_8)));
    }

    /** Each text without its white space, which the PDF's lines break and join differently. */
    static List<String> flat(List<String> texts) {
        return texts.stream().map(t -> t.replaceAll("\\s+", "")).toList();
    }

    private static List<String> texts(NodeList elements) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) out.add(elements.item(i).getTextContent());
        return out;
    }

    private static synchronized Path hostileDir() {
        if (hostileDir == null) {
            try {
                hostileDir = Files.createTempDirectory("e2ee-hostile");
                hostileDir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hostileDir;
    }
}
