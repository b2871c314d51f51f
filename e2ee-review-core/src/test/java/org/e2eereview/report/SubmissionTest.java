package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.e2eereview.report.ReportsTest.text;
import static org.e2eereview.report.ReportsTest.xml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.analysis.Route;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** The consultation submission as a ministry's reader meets it: plain words first, the machinery in annexes. */
class SubmissionTest {

    private static final List<OutputFormat> ALL = List.of(Builtin.SUBMISSION_MD, Builtin.SUBMISSION_HTML);

    static Stream<Path> examples() throws Exception {
        return ReportsTest.examples();
    }

    private static List<byte[]> submit(Path model, List<OutputFormat> formats) throws Exception {
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(model, List.of());
        return Reports.render(assessment.original(), formats, new Reports.Options(Severity.HIGH,
                LocalDate.of(2026, 6, 1), null, "java -jar e2ee-review.jar review " + model.getFileName(), assessment));
    }

    private static String section(String md, String from, String to) {
        int a = md.indexOf(from);
        assertThat(a).as("has " + from).isNotNegative();
        int b = md.indexOf(to, a);
        assertThat(b).as("has " + to + " after " + from).isGreaterThan(a);
        return md.substring(a, b);
    }

    /** Words only the tool's own vocabulary has: rule ids, finding ids, route and condition ids. */
    private static List<String> jargon() {
        List<String> words = new ArrayList<>();
        for (Route r : Route.values()) words.add(r.id());
        for (Flow.Occurs o : Flow.Occurs.values()) if (o.name().contains("_") && o != Flow.Occurs.OPT_IN) words.add(o.yamlName()); // "opt-in" is English too
        return words;
    }

    private static final Pattern RULE_ID = Pattern.compile("\\b[A-Z]{2,}(-[A-Z]{2,})+\\b");

    @ParameterizedTest
    @MethodSource("examples")
    void theBodyIsInPlainWordsAndTheIdsWaitInTheAnnexes(Path example) throws Exception {
        String md = text(submit(example, List.of(Builtin.SUBMISSION_MD)).get(0));
        String body = section(md, "## Summary", "## Annex A.");
        Matcher id = RULE_ID.matcher(body);
        assertThat(id.find()).as(example + ": a rule id in the body: " + (id.find(0) ? id.group() : "")).isFalse();
        assertThat(body).as(example.toString()).doesNotContain("@");
        var review = Corpus.reviewer().review(example);
        // A name the model gives may hold any word; the tool's own words must not appear around them.
        String words = body;
        for (var p : review.model().parties().values()) if (p.name() != null) words = words.replace(p.name(), "");
        for (var c : review.model().conversations().values()) if (c.name() != null) words = words.replace(
                org.e2eereview.report.escape.Markdown.escape(c.name()), "");
        for (String word : jargon()) assertThat(words).as(example + ": route or condition id " + word).doesNotContain(word);
        for (var c : review.model().conversations().values()) {
            if (c.name() != null) assertThat(body).as(example + ": conversations by name").contains(
                    org.e2eereview.report.escape.Markdown.escape(c.name()));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theAsksComeInTheStatementsOrderAndEveryReferenceListedIsCited(Path example) throws Exception {
        String md = text(submit(example, List.of(Builtin.SUBMISSION_MD)).get(0));
        int summary = md.indexOf("## Summary");
        int first = md.indexOf("## 2. The first ask");
        int second = md.indexOf("## 3. The second ask");
        int third = md.indexOf("## 4. The third ask");
        int annex = md.indexOf("## Annex A.");
        assertThat(List.of(summary, first, second, third, annex)).as(example.toString()).isSorted()
                .doesNotContain(-1);
        String refs = section(md, ". References", "Reproducing this document");
        String citing = md.substring(0, md.indexOf(". References"));
        Matcher entry = Pattern.compile("(?m)^(\\d+)\\. ").matcher(refs);
        int expected = 1;
        Set<String> titles = new LinkedHashSet<>();
        while (entry.find()) {
            int n = Integer.parseInt(entry.group(1));
            assertThat(n).as(example + ": numbered in order").isEqualTo(expected++);
            assertThat(citing).as(example + ": reference " + n + " is cited").contains("\\[" + n + "\\]");
            int eol = refs.indexOf('\n', entry.end());
            assertThat(titles.add(refs.substring(entry.end(), eol))).as(example + ": each source listed once").isTrue();
        }
        assertThat(expected).as(example + ": references").isGreaterThan(5);
    }

    @Test
    void theSummarySaysWhatEachProposalWouldDoInWords() throws Exception {
        List<byte[]> out = submit(Path.of("examples/signal.yaml"), ALL);
        String md = text(out.get(0));
        String summary = section(md, "## Summary", "## 1. The design");
        // The title block says what design it is and when, in words; the tool, its version and the file wait in Annex D.
        String head = md.substring(0, md.indexOf("## Summary"));
        assertThat(head).contains("**Date:** 1 June 2026").doesNotContain("2026-06-01").doesNotContain("signal.yaml")
                .doesNotContain("e2ee-review").contains("Annex D says how to repeat the analysis");
        assertThat(md.substring(md.indexOf("## Annex D."))).contains("signal.yaml").contains("e2ee-review");
        assertThat(text(out.get(1))).contains("<dd>1 June 2026</dd>");
        assertThat(summary).contains("What each would make possible, and who could misuse it:\n\n- **")
                .contains("- **Key escrow with two escrow agents (1994)**: Law enforcement (e.g. FBI), through First escrow agent "
                        + "and Second escrow agent, could read One-to-one chat and Signal group of every user, on a legal order, "
                        + "unnoticed; and so could anyone who obtains the keys First escrow agent and Second escrow agent hold.\n")
                .contains("lawful-access proposals from the public debate").contains("Each finding carries a severity")
                .contains("the review's conclusion rests on them").doesNotContain("verdict").doesNotContain("make it so");
        assertThat(summary.indexOf("Each finding carries a severity")).as("the key to severities under the verdict's findings")
                .isLessThan(summary.indexOf("Who outside a conversation"));
        // The counts wait in Annex B; the summary says what the proposals would do, not how many findings.
        assertThat(summary).doesNotContainPattern("\\d[\\s\u00a0](critical|high|medium|low)").doesNotContain(" findings,")
                .doesNotContain("findings)").contains("Every one of them would add outside access to messages: 7 for every user, 1 for chosen users. "
                        + "7 of them would add access that nobody would notice. The list below says who would gain it, and who "
                        + "else could misuse it.");
        String annexB = section(md, "## Annex B.", "## Annex C.");
        assertThat(annexB).contains("### B.").contains("- **Safeguards it would take away:** ")
                .contains("- **What it adds to the findings:** 1\u00a0critical finding (systemic).")
                .contains("- **Findings it introduces:**").contains("CRITICAL `GHOST-PARTICIPANT@group-chat`");
        Document html = xml(text(out.get(1)));
        assertThat(html.getElementsByTagName("table").getLength()).isGreaterThanOrEqualTo(2);
        // A list, not a table: in print a table's header row was left alone under a first row too long for the page.
        assertThat(html.getElementsByTagName("ul").item(0)).isNotNull();
        assertThat(text(out.get(1))).contains("<ul class=\"risks\">\n<li><a href=\"#proposal-1\"><strong>");
    }

    /**
     * Each proposal's risk, for every example: a sentence in plain words that names every party that
     * would gain or widen access, says for whom, and says whether anyone would notice.
     */
    @ParameterizedTest
    @MethodSource("examples")
    void everyProposalsRiskNamesWhoWouldGainAccessInPlainWords(Path example) throws Exception {
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(example, List.of());
        String md = text(submit(example, List.of(Builtin.SUBMISSION_MD)).get(0));
        String table = section(md, "What each would make possible, and who could misuse it:", "## 1. The design");
        var model = assessment.original().model();
        int unseenProposals = 0;
        for (var a : assessment.assessments()) {
            String title = org.e2eereview.report.escape.Markdown.escape(a.proposal().title()) + " (" + a.proposal().year() + ")";
            int at = table.indexOf("- **" + title + "**: ");
            assertThat(at).as(example + ": an item for " + title).isNotNegative();
            String risk = table.substring(at + title.length() + 8, table.indexOf("\n", at));
            assertThat(risk).as(example + " " + title).endsWith(".").doesNotContain("@").doesNotContain("  ");
            Matcher id = RULE_ID.matcher(risk);
            assertThat(id.find()).as(example + " " + title + ": a rule id in " + risk).isFalse();
            String words = risk;
            var names = a.applied() ? a.patched().model() : model;
            for (var p : names.parties().values()) if (p.name() != null) words = words.replace(
                    org.e2eereview.report.escape.Markdown.escape(p.name()), "");
            for (var c : names.conversations().values()) if (c.name() != null) words = words.replace(
                    org.e2eereview.report.escape.Markdown.escape(c.name()), "");
            for (String word : jargon()) assertThat(words).as(example + " " + title + ": " + word).doesNotContain(word);
            assertThat(words).as(example + " " + title).doesNotContain("finding").doesNotContain("critical");
            if (!a.applied()) {
                assertThat(risk).startsWith("It cannot apply to this design: ");
                continue;
            }
            List<String> gaining = new ArrayList<>();
            a.newReaders().forEach(r -> gaining.add(r.party()));
            a.widened().forEach(w -> gaining.add(w.after().party()));
            if (gaining.isEmpty()) assertThat(risk).as(example + " " + title).startsWith("Nobody would gain access");
            for (String party : gaining) {
                var p = names.parties().get(party);
                String name = org.e2eereview.report.escape.Markdown.escape(p.name() != null ? p.name() : party);
                assertThat(risk).as(example + " " + title + ": names " + name).containsIgnoringCase(name);
            }
            if (!gaining.isEmpty()) {
                assertThat(risk).as(example + " " + title + ": for whom").containsAnyOf("of every user", "of chosen users");
                assertThat(risk).as(example + " " + title + ": noticed or not")
                        .containsAnyOf("unnoticed", "could notice", "could also read", "its owner would know of");
            }
            // "Unnoticed" only of a reading no safeguard shows and that needs no device out of its owner's hands.
            // New readers' readings, and of widened readers the ways they did not have before.
            List<org.e2eereview.analysis.Reading> gained = new ArrayList<>();
            a.newReaders().forEach(r -> gained.addAll(r.readings()));
            for (var w : a.widened()) {
                var added = w.after().readings().stream().filter(x -> !w.before().routes().contains(x.route())).toList();
                gained.addAll(added.isEmpty() ? w.after().readings() : added);
            }
            boolean unnoticed = gained.stream().anyMatch(r -> !r.detectable() && r.condition() != Flow.Occurs.WITH_DEVICE);
            if (unnoticed) unseenProposals++;
            if (!unnoticed) assertThat(risk).as(example + " " + title + ": said unnoticed").doesNotContain("unnoticed");
            boolean inHand = gained.stream().allMatch(r -> r.condition() == Flow.Occurs.WITH_DEVICE);
            if (inHand && !gaining.isEmpty()) assertThat(risk).as(example + " " + title).doesNotContain("unnoticed")
                    .contains("its owner would know of");
        }
        String summary = section(md, "## Summary", "## 1. The design");
        // How many proposals add unnoticed access is said exactly, never "every one" when some could be noticed.
        if (unseenProposals > 0) {
            assertThat(summary).as(example + ": how many unnoticed: " + unseenProposals).containsAnyOf(
                    " " + unseenProposals + " of them would add access that nobody would notice",
                    unseenProposals + " of the ", "would add outside access to messages that nobody would notice");
        }
        if (summary.contains("would add outside access to messages that nobody would notice")) {
            assertThat(summary).as(example.toString()).doesNotContain(" of them would add access that nobody would notice");
        }
        // A reader every route of which could be noticed is never said to read "at any time".
        for (String line : summary.split("\n")) {
            if (line.contains("which members or outsiders who check could notice")) assertThat(line).as(example.toString()).doesNotContain("at any time")
                    .containsAnyOf("unseen: ", " could also ");
        }
    }

    /** Every group of citations prints in ascending order, in every example's submission. */
    @ParameterizedTest
    @MethodSource("examples")
    void citationsInAGroupAreInAscendingOrder(Path example) throws Exception {
        String md = text(submit(example, List.of(Builtin.SUBMISSION_MD)).get(0));
        Matcher group = Pattern.compile("\\\\\\[\\d+\\\\\\](?: \\\\\\[\\d+\\\\\\])+").matcher(md);
        int groups = 0;
        while (group.find()) {
            groups++;
            List<Integer> numbers = new ArrayList<>();
            Matcher n = Pattern.compile("\\d+").matcher(group.group());
            while (n.find()) numbers.add(Integer.parseInt(n.group()));
            assertThat(numbers).as(example + ": " + group.group()).isSorted();
        }
        assertThat(groups).as(example + ": groups of citations").isPositive();
    }

    /**
     * A reading members could notice is said not to be silent, and still a risk, only where the design
     * has one; what members would see follows from the routes.
     */
    @Test
    void aReadingMembersCouldNoticeIsToldApartFromSilentAccessOnlyWhereThereIsOne() throws Exception {
        List<byte[]> out = submit(Path.of("examples/whatsapp.yaml"), ALL);
        String summary = section(text(out.get(0)), "## Summary", "## 1. The design");
        String noticed = "Where members or outsiders could notice, the reading is not silent: members could see a contact's "
                + "changed key or a new member in the conversation, and outsiders who check the public record would find an "
                + "app version missing from it. 7 of the 8 proposals that would add access to this design would add access "
                + "nobody would notice (listed below). A reading that could be noticed is still a risk the "
                + "findings keep: nothing prevents it, and it comes to light only if someone checks.";
        assertThat(summary).contains(noticed);
        assertThat(summary.indexOf(noticed)).isLessThan(summary.indexOf("What each would make possible"));
        assertThat(text(out.get(1))).contains("<p>" + noticed.replace("'", "&#39;") + "</p>");
        // Only noticed readers of content count: a design whose outside readers all go unnoticed says nothing of it.
        String apple = text(submit(Path.of("examples/apple-2021-csam-scanning.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(apple).doesNotContain("not silent").doesNotContain("could be noticed is still a risk");
    }

    /** The readers figure in the body names parties and conversations as the text does; the review page keeps ids. */
    @Test
    void theReadersFigureUsesTheModelsNames() throws Exception {
        List<byte[]> out = submit(Path.of("examples/whatsapp.yaml"), ALL);
        String figure = section(text(out.get(0)), "```mermaid", "## 2. The first ask");
        assertThat(figure).contains("[\"WhatsApp (Meta)<br/>provider\"]").contains("[\"Apple (iCloud)<br/>cloud vendor\"]")
                .contains("([\"One-to-one chat, WhatsApp group<br/>").doesNotContain("direct-chat").doesNotContain("\"whatsapp<br/>");
        String svg = section(text(out.get(1)), "<figure class=\"diagram readers\"", "</figure>");
        assertThat(svg).contains(">WhatsApp (Meta)</text>").doesNotContain(">group-call</text>").doesNotContain(">whatsapp</text>");
        String page = text(Reports.render(Corpus.reviewer().review(Path.of("examples/whatsapp.yaml")), List.of(Builtin.MD),
                new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null, "x", null)).get(0));
        assertThat(page).contains("[\"whatsapp<br/>provider\"]");
    }

    /** Features in the body by what they do, as the catalog's in-words say; their titles wait in Annex A. */
    @Test
    void theBodyNamesSafetyFeaturesInPlainWords() throws Exception {
        List<byte[]> out = submit(Path.of("examples/whatsapp.yaml"), ALL);
        var catalog = Corpus.reviewer().review(Path.of("examples/whatsapp.yaml")).catalog();
        String forwarding = catalog.safetyFeatures().get("FORWARDING-LIMITS").inWords();
        String franking = catalog.safetyFeatures().get("VERIFIABLE-REPORTING").inWords();
        String md = text(out.get(0));
        String body = section(md, "## 2. The first ask", "## Annex A.");
        assertThat(body).contains("by controls over who can contact a user, safe by default for teenagers; "
                        + forwarding + ";").contains("- **" + Character.toUpperCase(forwarding.charAt(0)) + forwarding.substring(1) + "**")
                .contains("Not yet in it, and serving those aims too: " + franking)
                .doesNotContain("Forwarding limits").doesNotContain("Message Franking").doesNotContain("message franking");
        assertThat(section(md, "## Annex A.", "## Annex B.")).contains("**Forwarding limits**");
        assertThat(text(out.get(1))).contains("<strong>" + Character.toUpperCase(forwarding.charAt(0)) + forwarding.substring(1) + "</strong>");
    }

    @Test
    void noFormatCarriesTheAuthorsPathOnlyTheModelsFileName(@TempDir Path dir) throws Exception {
        Path deep = Files.createDirectories(dir.resolve("home/alice/secret-project"));
        Path model = Files.copy(Path.of("examples/whatsapp.yaml"), deep.resolve("whatsapp.yaml"));
        List<byte[]> out = submit(model, ALL);
        for (String doc : List.of(text(out.get(0)), text(out.get(1)))) {
            assertThat(doc).doesNotContain("alice").doesNotContain(dir.toString()).contains("whatsapp.yaml");
        }
    }

    @Test
    void theOrganisationsParticularsAndProseAreRenderedInEveryFormat(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("m.yaml"), Files.readString(Path.of("examples/signal.yaml")) + """

                submission:
                  title: Response to the lawful access consultation
                  addressee: Ministry of the Interior
                  reference: LAC-2026-04
                  organisation: Example Messaging Ltd
                  contact: policy@example.org
                  model-url: https://example.org/model.yaml
                  summary: |
                    We welcome the *consultation*.

                    Our design:

                    - keeps keys on devices;
                    - relays **ciphertext** only.
                  capabilities: We cannot add a reader <b>without</b> adding it for everyone.
                  closing: See [our paper](https://example.org/paper) or [this](javascript:alert(1)).
                """);
        List<byte[]> out = submit(model, ALL);
        String md = text(out.get(0));
        assertThat(md).startsWith("# Response to the lawful access consultation\n")
                .contains("**To:** Ministry of the Interior").contains("**Consultation reference:** LAC-2026-04")
                .contains("**From:** Example Messaging Ltd (policy").contains("model.yaml");
        String summary = section(md, "## Summary", "## 1. The design");
        assertThat(summary).contains("We welcome the *consultation*.").contains("- keeps keys on devices;")
                .contains("**ciphertext**");
        assertThat(section(md, "## 3. The second ask", "## 4.")).contains("\\<b\\>without\\</b\\>");
        assertThat(section(md, "## 5. Closing", "## Annex A.")).contains("[our paper](https://example.org/paper)")
                .doesNotContain("javascript")
                // What the organisation asks for, generated: the proposals that add unnoticed access, by title.
                .contains("**What we ask:**\n\n- Not to require ").contains("would add access to messages that nobody would notice.")
                .contains("Key escrow with two escrow agents").doesNotContain("(1994)");
        assertThat(section(md, "## 4. The third ask", "## 5.")).contains("<https://example.org/model.yaml>");

        String html = text(out.get(1));
        Document doc = xml(html);
        assertThat(html).contains("<em>consultation</em>").contains("<li>keeps keys on devices;</li>")
                .contains("<strong>ciphertext</strong>").contains("&lt;b&gt;without&lt;/b&gt;")
                .contains("<a rel=\"nofollow\" href=\"https://example.org/paper\">our paper</a>")
                .doesNotContain("javascript");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Response to the lawful access consultation");
    }
}
