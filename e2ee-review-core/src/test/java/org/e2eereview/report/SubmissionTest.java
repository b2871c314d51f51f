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
import org.e2eereview.Repo;
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

    /** The line of the document that starts with {@code start}, to its end. */
    private static String line(String md, String start) {
        int at = md.indexOf(start);
        assertThat(at).as("a line starting " + start).isNotNegative();
        int end = md.indexOf('\n', at);
        return md.substring(at, end < 0 ? md.length() : end);
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
        // Phrases a minister's adviser stopped on: a double negative, a verb of the trade, a vague "it".
        assertThat(words).as(example.toString()).doesNotContain("not unseen").doesNotContain("unseen:").doesNotContain("derive")
                .doesNotContain("where it is readable").doesNotContain("reads always");
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
        int asks = md.indexOf("### What we ask");
        int design = md.indexOf("## 1. The design");
        int first = md.indexOf("## 2. The first ask");
        int second = md.indexOf("## 3. The second ask");
        int third = md.indexOf("## 4. The third ask");
        int annex = md.indexOf("## Annex A.");
        // What the organisation asks comes straight after the summary, before the sections it rests on.
        assertThat(List.of(summary, asks, design, first, second, third, annex)).as(example.toString()).isSorted()
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
        // Numbered by first citation: read from the top, each source first cited is the next number.
        Matcher cited = Pattern.compile("\\\\\\[(\\d+)\\\\\\]").matcher(citing);
        int next = 1;
        while (cited.find()) {
            int n = Integer.parseInt(cited.group(1));
            assertThat(n).as(example + ": [" + n + "] cited first at " + cited.start() + ", before [" + next + "]")
                    .isLessThanOrEqualTo(next);
            if (n == next) next++;
        }
    }

    /**
     * The summary closes with the statement's three asks in order, each in a line that says where the body
     * answers it, and each objective's answer there is the one its section gives at length.
     */
    @ParameterizedTest
    @MethodSource("examples")
    void theSummaryAnswersTheThreeAsksInBriefAsTheirSectionsDo(Path example) throws Exception {
        String md = text(submit(example, List.of(Builtin.SUBMISSION_MD)).get(0));
        String brief = section(md, "The three asks of the 2020 international statement on end-to-end encryption and public safety, in brief:", "## 1. The design");
        int first = brief.indexOf("- **Public safety in the design** (section 2): ");
        int second = brief.indexOf("- **Access to content** (section 3");
        int third = brief.indexOf("- **Consultation on design** (section 4): this submission offers the design as a model");
        assertThat(List.of(first, second, third)).as(example.toString()).doesNotContain(-1).isSorted();
        Matcher answer = Pattern.compile("(?m)^\\*\\*([^*]+):\\*\\* (met without weakening encryption|not met without weakening"
                + "|served only by|no feature of the design)").matcher(section(md, "## 2. The first ask", "## 4. The third ask"));
        int objectives = 0;
        while (answer.find()) {
            objectives++;
            String inBrief = switch (answer.group(2)) {
                case "met without weakening encryption" -> "met without weakening encryption.";
                case "no feature of the design" -> "no feature of the design";
                default -> "served only through weaknesses the review finds.";
            };
            assertThat(brief).as(example + ": " + answer.group(1)).contains(answer.group(1) + ": " + inBrief);
        }
        assertThat(objectives).as(example.toString()).isEqualTo(3);
    }

    /**
     * What the summary says of a proposal agrees with its row: one that would go unnoticed only in some
     * conversations is asked against saying which; a row that reaches every conversation says so rather
     * than list them all again; and the key to the severities comes where they are first written, under
     * the table.
     */
    @Test
    void theAsksAndTheTableSayAlikeWhereAProposalWouldGoUnnoticed() throws Exception {
        String md = text(submit(Repo.file("examples/whatsapp.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(section(md, "### What we ask", "### What each proposal would make possible")).contains("without anyone noticing (the \"ghost\" "
                + "participant only in WhatsApp group and WhatsApp group call).");
        String summary = section(md, "## Summary", "## 1. The design");
        assertThat(summary).contains("| **The \"ghost\" participant (2018)** |").contains(": every conversation, every user | No, in "
                + "WhatsApp group and WhatsApp group call; in one-to-one chat, members, or outsiders who check |");
        // Fewer than all are still named.
        assertThat(summary).contains(": one-to-one chat and WhatsApp group, every user");
        List<Integer> order = List.of(summary.indexOf("| Proposal (year made) |"), summary.indexOf("Severities:"),
                summary.indexOf("### The design as it is\n"), summary.indexOf("**As it is, without any of these proposals"));
        assertThat(order).doesNotContain(-1).isSorted();
    }

    /** What the model does not say enough to check is said on page 1, where the verdict is first given, not only in Annex A. */
    @Test
    void pageOneSaysHowManyChecksTheDesignDoesNotSayEnoughFor() throws Exception {
        String md = text(submit(Repo.file("examples/telegram-cloud-chats.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(section(md, "### The proposals assessed", "### What we ask"))
                .contains(" The design as described does not say enough for one check, which Annex A lists.");
        assertThat(section(md, "## Annex A.", "## Annex B.")).contains("Not assessed, because the model does not say:");
        String whatsapp = text(submit(Repo.file("examples/whatsapp.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(whatsapp).as("every check made: nothing said").doesNotContain("does not say enough for");
    }

    /**
     * A feature the design has that does not reach those an aim is about (franked reports to a school's safeguarding
     * lead, for investigation and prosecution) is suggested as being there: a reader took the list to say the design
     * lacked what the safety features said it had.
     */
    @Test
    void aSuggestedFeatureTheDesignHasIsSaidToBeThere() throws Exception {
        String md = text(submit(Repo.file("e2ee-review-core/src/test/resources/newcomer/44-school-previews-by-default.yaml"),
                List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(line(md, "**Support investigation and prosecution:**")).contains("user reports that prove the reported "
                + "message is the one actually sent (the design has these, but what they give does not reach those this aim is about)");
        // Encrypted end to end by default, and yet read by the provider through previews: both said, where they meet.
        assertThat(md).contains("ClassLink encrypts one-to-one chat and class group end to end by default. Even so, the provider "
                + "can read what is sent in one-to-one chat and class group by default, outside their encryption (below).");
    }

    /**
     * A backup on unless users turn it off: turning yours off keeps nothing you send from those who leave theirs on,
     * said once where it first applies (a newcomer read "unless users opt out" as each user's own protection).
     */
    @Test
    void whatIsOnByDefaultSaysThatTurningItOffKeepsNothingOneSends() throws Exception {
        String md = text(submit(Repo.file("examples/imessage-standard-backup.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        String design = section(md, "### The design as it is", "## 1. The design");
        assertThat(design).contains("unless users opt out of iCloud Backup (on by default), through Apple, by having it decrypt the "
                + "content with a key it holds. A user who turns it off still has what they send read through the people they talk "
                + "to who leave it on.");
        assertThat(count(md, "A user who turns it off still has what they send")).isEqualTo(1);
    }

    /**
     * One party's gain could be noticed and another's not, in the same conversations: the table says whose is which,
     * where "No" alone denied that the first could be (a newcomer's ministry design: a targeted update the Open Client
     * Foundation ships in reproducible builds, and one the police have a contractor ship unseen).
     */
    @Test
    void whetherAnyoneWouldNoticeIsSaidPerPartyWhereTheyDiffer() throws Exception {
        String md = text(submit(Repo.file("e2ee-review-core/src/test/resources/newcomer/43-ministry-archive-bot.yaml"),
                List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(line(md, "| **A targeted client update on a legal order (2016)**"))
                .contains("| The Open Client Foundation's: members, or outsiders who check; the national police's: no |");
    }

    /**
     * An authority's reading through a provider that has the content only from users who opted in is said so, not as
     * every user's: a newcomer's hospital submission said the police could read every user's messages through a
     * records service users turned on. Where a proposal makes that reading reach more users, it says so too.
     */
    @Test
    void aLegalOrderForWhatOnlySomeUsersTurnedOnSaysWhomItReaches() throws Exception {
        String md = text(submit(Repo.file("e2ee-review-core/src/test/resources/newcomer/26-ai-summaries-provider-servers.yaml"),
                List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(line(md, "| **Originator traceability (2021)**"))
                .contains("Law enforcement with a lawful order through Parley, on a legal order, for users who opt in;");
        assertThat(line(md, "| **Provider-keyed backups, on by default (2021)**"))
                .contains("through Parley, on a legal order, unless users opt out;")
                .as("a narrower condition beside a wider one of the same reader is not said")
                .doesNotContain("or on a legal order, for users who opt in")
                .contains("Parley, unless users opt out (unless users opt out, where today only for users who opt in)");
        assertThat(md).contains("Parley would read unless users opt out, where today only for users who opt in,");
        // What users opt out of is what the reading's own chain names (the proposal's backup), not the flow of another
        // reading under the same condition.
        String whatsapp = text(submit(Repo.file("examples/whatsapp.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(whatsapp).contains("law enforcement, on a legal order, unless users opt out of the provider's chat backup, "
                + "through WhatsApp (Meta)");
    }

    @Test
    void theSummarySaysWhatEachProposalWouldDoInWords() throws Exception {
        List<byte[]> out = submit(Repo.file("examples/signal.yaml"), ALL);
        String md = text(out.get(0));
        String summary = section(md, "## Summary", "## 1. The design");
        // The title block says what design it is and when, in words; the tool, its version and the file wait in Annex D.
        String head = md.substring(0, md.indexOf("## Summary"));
        assertThat(head).contains("**Date:** 1 June 2026").doesNotContain("2026-06-01").doesNotContain("signal.yaml")
                .doesNotContain("e2ee-review").contains("Annex D says how to repeat the analysis")
                // A version in parentheses of its own is not nested in another pair.
                .contains("**About:** the design of Signal, 2022+ (after SMS removal), as the submitter modelled it;");
        assertThat(md.substring(md.indexOf("## Annex D."))).contains("signal.yaml").contains("e2ee-review");
        assertThat(text(out.get(1))).contains("<dd>1 June 2026</dd>");
        // A table a reader scans: who would gain access to what, whether anyone would notice, who else could use it,
        // and the gravest weakness in words, never counts of findings.
        assertThat(summary).contains("### What each proposal would make possible\n\n| Proposal (year made) | Who would "
                        + "gain access, to what | Would anyone notice? | Who else could use it | Gravest weakness now → with it |")
                .contains("| **Key escrow with two escrow agents (1994)** | Law enforcement (e.g. FBI) through the first escrow agent "
                        + "and the second escrow agent: one-to-one chat and Signal group, every user, on a legal order | No | Anyone "
                        + "who obtains the keys the first escrow agent and the second escrow agent hold | low → critical |\n")
                .contains("lawful-access proposals from the public debate")
                .contains("Severities: critical (the gravest) and high findings weaken end-to-end encryption").doesNotContain("verdict").doesNotContain("make it so");
        assertThat(summary.indexOf("Severities: ")).as("the key to severities under the verdict's findings")
                .isLessThan(summary.indexOf("Who outside a conversation"));
        // The consultation is about the proposals: the summary leads with what they would add, the design after.
        assertThat(summary.indexOf("We took ")).isLessThan(summary.indexOf("### What each proposal would make possible"))
                .isLessThan(summary.indexOf("**As it is, without any of these proposals, the review finds"));
        // The counts wait in Annex B; the summary says what the proposals would do, not how many findings.
        assertThat(summary).doesNotContainPattern("\\d[\\s\u00a0](critical|high|medium|low)").doesNotContain(" findings,")
                .doesNotContain("findings)").contains("Every one of them would let someone outside a conversation read it or "
                        + "learn about it. All but one would reach every user; a targeted client update on a legal order would be "
                        + "used against chosen users. All but one would go unnoticed (the \"ghost\" participant only in some "
                        + "conversations, which the table names); the exception is a vendor key that unlocks "
                        + "a seized phone (\"Clear\").");
        // Exceptions by name, not counts a reader could take for the same proposals.
        assertThat(section(md, "We took ", "### What we ask")).doesNotContainPattern("\\d for");
        String annexB = section(md, "## Annex B.", "## Annex C.");
        assertThat(annexB).contains("### B.").contains("A proposal names the design's safeguards it would take away; one that "
                        + "names none needs none taken away: no safeguard of this design would stop the access it adds.")
                .contains("- **What it adds to the findings:** 1\u00a0critical finding (systemic).")
                // What gets worse in words, never a bare verdict repeated before and after, nor a bare "none".
                .contains("- **What would get worse:** Law enforcement (e.g. FBI), through the first escrow agent and the second "
                        + "escrow agent, could read one-to-one chat and Signal group of every user, on a legal order, unnoticed; and "
                        + "so could anyone who obtains the keys the first escrow agent and the second escrow agent hold. The findings "
                        + "at medium or above would go from none to 1 critical, and the design from not weakened to weakened.\n")
                .doesNotContain("none needed")
                .doesNotContain(" now, WEAKENED with it").doesNotContain("**In this design:**")
                .doesNotContain("- **Safeguards it would take away:** none\n")
                .contains("- **Findings it introduces:**").contains("CRITICAL Ghost participant (")
                // The annex speaks as the first page does: names and ways, not rule ids, element ids or route words.
                .doesNotContain("GHOST-PARTICIPANT@").doesNotContain("adds-member").doesNotContain("holds-key")
                .doesNotContain("visible → unseen").doesNotContain("**Bound to:**");
        Document html = xml(text(out.get(1)));
        assertThat(html.getElementsByTagName("table").getLength()).isGreaterThanOrEqualTo(2);
        // The proposals' table: named by its heading, a header cell per column and per row, each row linking to its annex entry
        // (print never leaves its header row alone at a page's foot: PdfPrintTest).
        assertThat(text(out.get(1))).contains("<h3 id=\"proposals-heading\">What each proposal would make possible</h3>\n"
                + "<table class=\"proposals may-break\" aria-labelledby=\"proposals-heading\">")
                .contains("<tr><th scope=\"row\"><a href=\"#proposal-1\">");
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
        String table = section(md, "### What each proposal would make possible", "## 1. The design");
        String annexB = section(md, "## Annex B.", "## Annex C.");
        var model = assessment.original().model();
        int unseenProposals = 0;
        List<String> seen = new ArrayList<>();
        for (var a : assessment.assessments()) {
            String title = org.e2eereview.report.escape.Markdown.escape(a.proposal().title()) + " (" + a.proposal().year() + ")";
            // The summary's table: a row per proposal, its cells in plain words.
            int at = table.indexOf("| **" + title + "** | ");
            assertThat(at).as(example + ": a row for " + title).isNotNegative();
            String line = table.substring(at, table.indexOf("\n", at));
            List<String> cells = List.of(line.substring(2, line.length() - 2).split(" \\| ", -1)).subList(1, 5)
                    .stream().map(String::strip).toList();
            String row = String.join(" ", cells);
            assertThat(row).as(example + " " + title).doesNotContain("@").doesNotContainPattern("\\d[\\s\u00a0](critical|high|medium|low)");
            assertThat(RULE_ID.matcher(row).find()).as(example + " " + title + ": a rule id in " + row).isFalse();
            if (!a.applied()) {
                assertThat(cells.get(0)).startsWith("Does not apply: ");
                continue;
            }
            // Annex B says the same in a sentence, then how the findings would change.
            String entry = annexB.substring(annexB.indexOf(" " + title + "\n"));
            String worse = entry.substring(entry.indexOf("- **What would get worse:** ") + 28);
            worse = worse.substring(0, worse.indexOf("\n"));
            String risk = worse.contains(" The findings at medium or above") ? worse.substring(0, worse.indexOf(" The findings at medium or above")) : worse;
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
            List<String> gaining = new ArrayList<>();
            a.newReaders().forEach(r -> gaining.add(r.party()));
            a.widened().forEach(w -> gaining.add(w.after().party()));
            if (gaining.isEmpty()) assertThat(risk).as(example + " " + title).startsWith("Nobody would gain access");
            for (String party : gaining) {
                var p = names.parties().get(party);
                String name = org.e2eereview.report.escape.Markdown.escape(p.name() != null ? p.name() : party);
                assertThat(risk).as(example + " " + title + ": names " + name).containsIgnoringCase(name);
                assertThat(cells.get(0)).as(example + " " + title + ": the table names " + name).containsIgnoringCase(name);
            }
            if (!gaining.isEmpty()) {
                assertThat(risk).as(example + " " + title + ": for whom").containsAnyOf("of every user", "of chosen users");
                assertThat(cells.get(0)).as(example + " " + title + ": for whom").containsAnyOf(", every user", ", chosen users");
                assertThat(risk).as(example + " " + title + ": noticed or not")
                        .containsAnyOf("unnoticed", "could be noticed", "could also read", "its owner would know of");
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
            else if (!gaining.isEmpty()) seen.add(org.e2eereview.report.escape.Markdown.escape(
                    Character.toLowerCase(a.proposal().title().charAt(0)) + a.proposal().title().substring(1)));
            if (!unnoticed) assertThat(risk).as(example + " " + title + ": said unnoticed").doesNotContain("unnoticed");
            if (!gaining.isEmpty()) assertThat(cells.get(1).startsWith("No")).as(example + " " + title + ": would anyone notice?")
                    .isEqualTo(unnoticed);
            boolean inHand = gained.stream().allMatch(r -> r.condition() == Flow.Occurs.WITH_DEVICE);
            if (inHand && !gaining.isEmpty()) assertThat(risk).as(example + " " + title).doesNotContain("unnoticed")
                    .contains("its owner would know of");
            if (inHand && !gaining.isEmpty()) assertThat(cells.get(1)).isEqualTo("Its owner, whose device is taken");
        }
        String summary = section(md, "## Summary", "## 1. The design");
        String paragraph = section(md, "We took ", "### What we ask");
        // What the proposals would add, before what the design already lets others read.
        String lead = paragraph.contains(" Without any of them,") ? paragraph.substring(0, paragraph.indexOf(" Without any of them,"))
                : paragraph;
        // Which proposals add unnoticed access is said exactly: all of them, or all but those named; never
        // "without anyone noticing" of them all when some could be noticed.
        if (unseenProposals > 0 && seen.isEmpty()) assertThat(lead).as(example.toString()).contains(" without anyone noticing");
        if (!seen.isEmpty()) {
            assertThat(lead).as(example.toString()).doesNotContain(" without anyone noticing");
            for (String t : seen) assertThat(lead).as(example + ": names the exception " + t).contains(t);
        }
        // A reader every route of which could be noticed is never said to read "at any time".
        for (String line : summary.split("\n")) {
            if (line.startsWith("- ") && !line.startsWith("- **") && line.contains("in ways that could be noticed")) {
                assertThat(line).as(example.toString()).doesNotContain("at any time");
            }
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
    void eachAskIsAnsweredWithTheDesignsOwnFacts() throws Exception {
        List<byte[]> out = submit(Repo.file("examples/whatsapp.yaml"), ALL);
        String md = text(out.get(0));
        // A safeguard on one of the users' apps is not claimed for all of them. The weaknesses are counted as the
        // reader sees them listed; where the design has each is Annex A's, not a second count beside the first.
        assertThat(section(md, "## Summary", "## 1. The design"))
                .contains("It does so through these two weaknesses (Annex A sets out where the design has each):")
                .contains("; and a public record of every app version shipped, for WhatsApp Web (companion device) only)");
        // The first ask: the statement's own figures, answered by who the design's features still report to.
        String ask1 = section(md, "## 2. The first ask", "## 3.");
        assertThat(ask1).contains("**What the statement fears would be lost:**").contains("18.4 million")
                .contains("In this design, what the features above find still reaches WhatsApp (Meta), from every one of them "
                        + "that reports what it finds. It also reaches NCMEC, from two of them: checks of what the provider already sees, such as "
                        + "profile photos, for abuse material; and bans of abusive accounts")
                .contains("None of them looks inside end-to-end encrypted messages that no member has reported: that is "
                        + "what client-side scanning that reports to an authority claims to add")
                // The design does not say its enforcement hears appeals, so the body does not say it.
                .doesNotContain("with appeals");
        // The second ask: the powers the proposals rest on, in the body, each with what it would require.
        assertThat(section(md, "## 3. The second ask", "## 4."))
                .contains("- IPA s253(5)(c) (Investigatory Powers Act 2016), for provider-keyed backups, on by default: "
                        + "Provider-held backup keys")
                // Each law named in full once, its sections not repeated from the reference's title.
                .contains("- TOLA s317ZG(2) (Telecommunications Act 1997 (Cth)), for").contains("- TOLA s317ZG(3), for")
                .contains("- OSA s121(2)(a)(iii) (Online Safety Act 2023), for client-side scanning that reports to an authority:")
                .contains("Authorisation and oversight, however strong, govern who may lawfully use such a capability");
        // The third ask: what the submission offers a consultation beyond itself.
        assertThat(section(md, "## 4. The third ask", "## Annex A.")).contains("**a way to check it, and to test what "
                + "comes next**").contains("before any law or order requires it");
        String annexes = md.substring(md.indexOf("## Annex A."));
        assertThat(section(annexes, "Safeguards the design declares:", "The design's safety features:"))
                // Each safeguard said for a reader who knows no cryptography, then what it does.
                .contains("**Key transparency** (a public log of every user's keys that anyone can audit; would show, but not "
                        + "stop, handing members keys of its own in place of each other's)")
                .contains("**Changes shown to members** (would show, but not stop, adding a member to the conversation)")
                .doesNotContain("adds-member");
        assertThat(section(annexes, "### B.4 The \"ghost\" participant", "### B.5"))
                // What it says alike of the group and the group call, it says once.
                // Compelled, WhatsApp does what the route takes, not law enforcement.
                .contains("  - In each of WhatsApp group and WhatsApp group call: law enforcement, on a legal order, through "
                        + "WhatsApp (Meta), by having it add a member to the conversation or by having it hand members keys in "
                        + "place of each other's (found as: ghost participant and key substitution members could detect)")
                .contains("  - In each of WhatsApp group and WhatsApp group call: WhatsApp (Meta) would no longer be noticed")
                .doesNotContain("  - WhatsApp group: ")
                .contains("- **Replaces:** Server-controlled membership (high) would become ghost participant (critical) in "
                        + "each of WhatsApp group call and WhatsApp group")
                .contains("  - CRITICAL Ghost participant (found in 2 places in the design; systemic): ")
                .contains("which today shows adding a member to the conversation")
                // A kind of safeguard said once, with each place the design declares it.
                .contains("- **Safeguards it would take away:** Changes shown to members, which today shows adding a member "
                        + "to the conversation (every join to group-call is shown to its members, whatsapp.yaml:284:22; every "
                        + "join to group-chat is shown to its members, whatsapp.yaml:268:22)");
        String html = text(out.get(1));
        assertThat(html).contains("<strong>What the statement fears would be lost:</strong>")
                .contains("<li>IPA s253(5)(c) (Investigatory Powers Act 2016), for provider-keyed backups, on by default:");
    }

    @Test
    void aSafeguardOnEveryAppIsNotSaidToBeOnSome() throws Exception {
        // Signal's clients all declare what they declare; nothing is qualified "only".
        String md = text(submit(Repo.file("examples/signal.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(section(md, "## Summary", "## 1. The design")).doesNotContain(" only)").doesNotContain(" only;");
    }

    @Test
    void aReadingMembersCouldNoticeIsToldApartFromSilentAccessOnlyWhereThereIsOne() throws Exception {
        List<byte[]> out = submit(Repo.file("examples/whatsapp.yaml"), ALL);
        String summary = section(text(out.get(0)), "## Summary", "## 1. The design");
        String noticed = "A reading that could be noticed is not silent: members could see a contact's changed key or a new "
                // Which app's builds: only the web client's are published, and a reader takes "the public record" for all.
                + "member in the conversation, and outsiders who check the published builds of WhatsApp Web (companion device) "
                + "would find one missing. It remains a risk: nothing prevents it, and it comes to light only if someone checks.";
        assertThat(summary).contains(noticed).contains("- WhatsApp (Meta) could read one-to-one chat, WhatsApp group and "
                + "WhatsApp group call only in ways that could be noticed: by ");
        assertThat(summary.indexOf(noticed)).isGreaterThan(summary.indexOf("only in ways that could be noticed: by "));
        assertThat(text(out.get(1))).contains("<p>" + noticed.replace("'", "&#39;") + "</p>");
        // Only noticed readers of content count: a design whose outside readers all go unnoticed says nothing of it.
        String apple = text(submit(Repo.file("examples/apple-2021-csam-scanning.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(apple).doesNotContain("not silent").doesNotContain("It remains a risk");
    }

    private static int count(String text, String phrase) {
        int n = 0;
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) n++;
        return n;
    }

    /**
     * A condition is said in full once, where it first applies, and referred to briefly after; the figure's
     * key, the table and the text say each condition in the same words.
     */
    @Test
    void aConditionIsSaidOnceAndTheFigureKeyTheTableAndTheTextUseTheSameWords() throws Exception {
        List<byte[]> out = submit(Repo.file("examples/whatsapp.yaml"), ALL);
        String md = text(out.get(0));
        String body = section(md, "## Summary", "## Annex A.");
        String summary = section(md, "## Summary", "## 1. The design");
        // The opt-in backups: what users turn on, and that it takes the others' messages with it, once each.
        assertThat(count(body, "chat backup to iCloud on iOS")).isEqualTo(1);
        assertThat(count(body, "the messages of the people they talk to")).isEqualTo(1);
        // Whether anyone would notice, once over each list rather than in every line.
        assertThat(count(body, "Who outside a conversation could read it without anyone noticing, and when:")).isEqualTo(1);
        assertThat(count(body, "And in ways someone could know of:")).isEqualTo(1);
        assertThat(body).doesNotContain("would notice.").doesNotContain("nobody would notice.");
        assertThat(summary).contains("- Google (Google Drive) could do the same for users who opt in to the standard");
        // Each finding's evidence says it once too.
        String annexA = section(md, "## Annex A.", "## Annex B.");
        assertThat(count(annexA, Flow.Occurs.OPT_IN.wordsForConversation())).isEqualTo(1);
        assertThat(count(annexA, "(for users who opt in)")).isEqualTo(3);
        // A second party that would gain the same "could do so too", rather than the whole clause again.
        assertThat(section(md, "## Annex B.", "## Annex C.")).contains("on a legal order, unnoticed; so could WhatsApp (Meta), at any time "
                + "(today only in ways that could be noticed);");

        String table = section(md, "| Conversation |", "```mermaid");
        String mermaid = section(md, "```mermaid", "## 2. The first ask");
        String svg = section(text(out.get(1)), "<figure class=\"diagram readers\"", "</figure>");
        Matcher key = Pattern.compile(">reads ([^<]+)</text>").matcher(svg);
        List<String> keys = new ArrayList<>();
        while (key.find()) keys.add(key.group(1));
        assertThat(keys).containsExactlyInAnyOrder("only in ways that could be noticed", "for users who opt in");
        for (String words : keys) {
            assertThat(summary).as("the text says " + words).contains(words);
            assertThat(table).as("the table says " + words).contains(": " + words);
            assertThat(mermaid).as("the Markdown figure says " + words).contains("-->|\"" + words + "\"|");
        }
        assertThat(table).doesNotContain("not unseen").doesNotContain("chat backup");
    }

    /**
     * Inside a sentence a name keeps the model's spelling but for a label's capital: "law enforcement",
     * "one-to-one chat", while proper names stay as they are ("WhatsApp (Meta)", "Signal group").
     */
    @Test
    void namesInsideASentenceAreNotCapitalisedAsLabels() throws Exception {
        for (String example : List.of("examples/whatsapp.yaml", "examples/signal.yaml")) {
            String md = text(submit(Repo.file(example), List.of(Builtin.SUBMISSION_MD)).get(0));
            String body = section(md, "## Summary", "## 1. The design") + section(md, "## Annex B.", "## Annex C.");
            assertThat(body).as(example).doesNotContainPattern("[a-z,;] (One-to-one chat|Law enforcement|Maker of the users' "
                    + "phones|First escrow agent|Second escrow agent|The maker|The first escrow|The second escrow)").contains("could read one-to-one chat")
                    .contains("through the first escrow agent and the second escrow agent");
            // At the start of a sentence, a name is capitalised.
            assertThat(body).as(example).contains("| Law enforcement").contains(":** The phone maker could read");
        }
        String signal = section(text(submit(Repo.file("examples/signal.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0)),
                "## Summary", "## 1. The design");
        assertThat(signal).contains("one-to-one chat and Signal group, every user").contains("through Signal Messenger LLC")
                .contains("law enforcement (e.g. FBI)");
        // Proposal titles inside the asks are in sentence too.
        assertThat(signal).contains("require client-side scanning that reports to an authority; provider-keyed backups, "
                + "on by default; the \"ghost\" participant; a provider-held");
    }

    /**
     * Readers asked to check a Matrix submission read "every one of them" as every proposal taken, where only
     * three of eight fit; "at any time (nobody would notice); only in ways that could be noticed" as a
     * contradiction; and "through the homeserver's operator, by holding a key" as law enforcement holding it.
     */
    @Test
    void whatFitsAndWhoDoesWhatAreSaidAsTheyAre() throws Exception {
        String md = text(submit(Repo.file("examples/matrix-megolm.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        // Every proposal fits it (the homeserver operator does not build the client; a contractor does), and says so.
        assertThat(section(md, "## Summary", "## 1. The design")).contains("applied each to the model of this design. Every "
                + "one of them would let someone outside").doesNotContain("fit it");
        String apple = text(submit(Repo.file("examples/apple-2021-csam-scanning.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(section(apple, "## Summary", "## 1. The design")).contains("; 7 of them fit it. Every one of the seven "
                + "that fit the design would let someone outside").doesNotContain("Every one of them");
        assertThat(section(md, "## Annex A.", "## Annex B.")).contains("| Encrypted room | end-to-end encrypted by default | "
                + "Operator of the users' homeserver: at any time (nobody would notice) |");
        assertThat(section(md, "## Annex B.", "## Annex C.")).contains("through operator of the users' homeserver, by having "
                + "it decrypt the content with a key it holds (found as: master key)").contains("through the first escrow "
                + "agent and the second escrow agent, by having them decrypt the content with keys they hold")
                // Its own reading is its own doing.
                .contains("operator of the users' homeserver could also read encrypted room of every user, at any time, by "
                        + "holding a key that decrypts the content");
        // One conversation, one box: the caption does not explain boxes shared by several.
        String html = text(submit(Repo.file("examples/matrix-megolm.yaml"), List.of(Builtin.SUBMISSION_HTML)).get(0));
        String whatsapp = text(submit(Repo.file("examples/whatsapp.yaml"), List.of(Builtin.SUBMISSION_HTML)).get(0));
        assertThat(html).contains("The condition is written on its line. Annex A").doesNotContain("share a box");
        assertThat(whatsapp).contains("conversations with the same readers share a box. Annex A");
    }

    /**
     * A reader that reads only some of a conversation's content is said to read those items: the backups hold
     * the messages and attachments, not the links; a reader of every item reads the conversation.
     */
    @Test
    void aReaderOfSomeItemsIsSaidToReadThoseItems() throws Exception {
        String md = text(submit(Repo.file("examples/whatsapp.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(section(md, "## Summary", "## 1. The design")).contains("- Apple (iCloud) could read the messages, "
                + "attachments and group messages in one-to-one chat and WhatsApp group for users who opt in")
                .contains("- WhatsApp (Meta) could read one-to-one chat, WhatsApp group and WhatsApp group call only in ways")
                // A weakness names its readers: the catalog's summary says who usually could ("the provider or a
                // cloud vendor").
                .contains("- Provider-keyed backup (high), in one-to-one chat and WhatsApp group, which Apple (iCloud) and "
                        + "Google (Google Drive) could read: end-to-end encrypted messages are backed up");
    }

    /** What a design tells its users of a reader is in the findings' annex, as in every report, by file name only. */
    @Test
    void whatUsersAreToldIsSaidWithTheFinding() throws Exception {
        List<byte[]> out = submit(Repo.file("examples/telegram-cloud-chats.yaml"), List.of(Builtin.SUBMISSION_MD,
                Builtin.SUBMISSION_HTML));
        String told = "by telegram: Telegram's FAQ says cloud chats use client-server encryption, Secret Chats end-to-end "
                + "(telegram-cloud-chats.yaml:44:25); being told does not lower the finding.";
        assertThat(section(text(out.get(0)), "## Annex A.", "## Annex B.")).contains("  - *Users are told* " + told);
        assertThat(text(out.get(1))).contains("<em>Users are told</em> " + told.replace("'", "&#39;"));
    }

    /**
     * What the organisation asks comes after the summary, a sentence each with its reason, and says why
     * the proposals it does not ask to exclude are left out: a proposal that cannot apply to a design is not
     * in it. "Clear", whose use needs a phone in hand, is still asked against, for what it is: whoever obtains its
     * key could open any phone they hold (not "a way others could use unnoticed": they too need the phone).
     */
    @Test
    void whatWeAskFollowsTheSummaryAndSaysWhyAProposalIsLeftOut() throws Exception {
        String md = text(submit(Repo.file("examples/whatsapp.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        String asks = section(md, "### What we ask", "### What each proposal would make possible");
        // In the summary, after the paragraph that names the proposals and before their table: readers who know only
        // the statement looked for the asks on the first pages, and found them after the design's weaknesses.
        assertThat(List.of(md.indexOf("## Summary"), md.indexOf("### The proposals assessed"), md.indexOf("### What we ask"),
                md.indexOf("### What each proposal would make possible"), md.indexOf("Severities:"),
                md.indexOf("### The design as it is"), md.indexOf("**As it is, without any of these proposals")))
                .doesNotContain(-1).isSorted();
        for (String line : asks.split("\n")) {
            if (line.startsWith("- ")) assertThat(line).startsWith("- We ask ").contains(", because ").endsWith(".");
        }
        assertThat(asks).contains("- We ask that no law or order require client-side scanning")
                .contains("- We ask too that no law or order require a vendor key that unlocks a seized phone (\"Clear\"), "
                        + "because anyone who obtains the key the phone maker holds could then read the messages on any "
                        + "user's device they get hold of, not only on one lawfully seized, even though each use needs the "
                        + "device in hand.")
                .doesNotContain("others could take and use unnoticed")
                .doesNotContain("leaves out a vendor key")
                .doesNotContain("Not to require").doesNotContain("**What we ask:**");
        // A proposal that cannot apply to the design is named with why it is left out.
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(Repo.file("examples/key-escrow.yaml"), List.of());
        var notApplied = assessment.assessments().stream().filter(a -> !a.applied()).toList();
        assertThat(notApplied).as("key-escrow.yaml has proposals that cannot apply").isNotEmpty();
        String escrow = section(text(submit(Repo.file("examples/key-escrow.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0)),
                "### What we ask", "### What each proposal would make possible");
        assertThat(escrow).contains("which cannot apply to this design");
        for (var a : notApplied) {
            String title = a.proposal().title();
            assertThat(escrow).as(title).contains(org.e2eereview.report.escape.Markdown.escape(
                    Character.toLowerCase(title.charAt(0)) + title.substring(1)));
        }
    }

    /**
     * A reader who knew only the statement, on the iMessage submission: proposals that let nobody new read but add a
     * critical weakness were left out of the asks ("why don't they oppose it?"); "One of these would reach every user
     * ... One of these would go unnoticed" could not be told apart; a weakness's title was capitalised mid-sentence;
     * and the document spoke of itself as "the organisation".
     */
    @Test
    void asksAgainstAProposalThatAddsAWeaknessEvenWhereNobodyNewWouldRead() throws Exception {
        String md = text(submit(Repo.file("examples/imessage-standard-backup.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        String asks = section(md, "### What we ask", "### What each proposal would make possible");
        assertThat(asks).contains("- We ask too that no law or order require provider-keyed backups, on by default; ")
                .contains(" or originator traceability, because each would add a high or critical weakness of its own for every "
                        + "user; those it would let read can already read, but only through this design's own weaknesses, "
                        + "which a change of design could remove.")
                .doesNotContain("which would give nobody access they do not have already")
                .contains("The first request leaves out the \"ghost\" participant, which cannot apply to this design.");
        // The table still says what each would give: nobody new.
        String table = section(md, "### What each proposal would make possible", "### The design as it is");
        assertThat(table).contains("| **Provider-keyed backups, on by default (2021)** | Nobody new |");
        // Client-side scanning is asked against with those that add unnoticed access: the police, who read on a legal
        // order today, would learn what the app reports at any time (a newcomer's design showed it "nobody new").
        assertThat(asks).contains("- We ask that no law or order require client-side scanning that reports to an authority or a "
                + "targeted client update on a legal order, because each would let someone outside a conversation read it or "
                + "learn about it without anyone noticing.");
        assertThat(table).contains("| **Client-side scanning that reports to an authority (2022)** | Law enforcement (e.g. FBI) "
                + "(what the app reports about them; needing less: today on a legal order, with it always): iMessage "
                + "conversation, every user, at any time | No |");
        String proposals = section(md, "### The proposals assessed", "### What we ask");
        // ... and says on page 1 who can read already, and when not always (which condition: a reader asked what "under
        // some conditions" were): the design as it is comes pages later. And its own weaknesses, which the box that
        // names them gives pages on.
        assertThat(proposals).contains(" Without any of them, the design already weakens end-to-end encryption (four "
                + "weaknesses, one of them critical) and lets others read conversations: Apple, without anyone noticing; law "
                + "enforcement (e.g. FBI), on a legal order, without anyone noticing; Mobile carrier (SMS), when end-to-end "
                + "encryption cannot be used, without anyone noticing.\n");
        // Two proposals that add access, one reaching every user and the other unnoticed: each said by name.
        Assessor.Result two = new Assessor(Corpus.reviewer()).assess(Repo.file("examples/imessage-standard-backup.yaml"),
                List.of("clear", "targeted-update"));
        String twoMd = text(Reports.render(two.original(), List.of(Builtin.SUBMISSION_MD), new Reports.Options(Severity.HIGH,
                LocalDate.of(2026, 6, 1), null, "x", two)).get(0));
        assertThat(section(twoMd, "### The proposals assessed", "### What we ask")).doesNotContain("One of these")
                .contains("A vendor key that unlocks a seized phone (\"Clear\") would reach every user; a targeted client "
                        + "update on a legal order would be used against chosen users. A targeted client update on a legal "
                        + "order would go unnoticed; the exception is a vendor key");
        assertThat(section(md, "## 3. The second ask", "## 4.")).contains("which relies on one weakness: provider-keyed backup")
                .doesNotContain("which relies on Provider-keyed");
        assertThat(section(md, "## 4. The third ask", "## Annex A.")).contains("; we will provide it on request;")
                .doesNotContain("the organisation will");
    }

    /**
     * A committee clerk on the Telegram submission: "Telegram could also read group (cloud only) in ways that could be
     * noticed" beside its reading the group at any time unnoticed ("why would it need to add a member?"); "This
     * weakness also weakens it:"; "a model anyone can check" beside "we will provide it on request"; a caption on
     * "each condition's colour and line pattern" over a figure of one line.
     */
    @Test
    void saysNoOutdoneWayNoDanglingPronounAndNoPublicModelItCannotLinkTo() throws Exception {
        String md = text(submit(Repo.file("examples/telegram-cloud-chats.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        String design = section(md, "### The design as it is", "## 1. The design");
        assertThat(design).contains("- Telegram could read cloud chat (default) and group (cloud only) at any time")
                .doesNotContain("could also read").doesNotContain("And in ways someone could know of")
                .contains("are not end-to-end encrypted by default. The review also finds this weakness:**")
                .doesNotContain("weakens it");
        // One line in the figure: its caption does not speak of each condition's colour and pattern.
        assertThat(md).contains("and when (the condition is written on its line; Annex A sets out the same as a table):");
        assertThat(md).contains("this submission offers the design as a model others can check")
                .contains("**the design, as a model others can check**").doesNotContain("model anyone can check");
    }

    /** The readers figure in the body names parties and conversations as the text does; the review page keeps ids. */
    @Test
    void theReadersFigureUsesTheModelsNames() throws Exception {
        List<byte[]> out = submit(Repo.file("examples/whatsapp.yaml"), ALL);
        String figure = section(text(out.get(0)), "```mermaid", "## 2. The first ask");
        assertThat(figure).contains("[\"WhatsApp (Meta)<br/>provider\"]").contains("[\"Apple (iCloud)<br/>cloud vendor\"]")
                .contains("([\"One-to-one chat, WhatsApp group<br/>").doesNotContain("direct-chat").doesNotContain("\"whatsapp<br/>");
        String svg = section(text(out.get(1)), "<figure class=\"diagram readers\"", "</figure>");
        assertThat(svg).contains(">WhatsApp (Meta)</text>").doesNotContain(">group-call</text>").doesNotContain(">whatsapp</text>");
        String page = text(Reports.render(Corpus.reviewer().review(Repo.file("examples/whatsapp.yaml")), List.of(Builtin.MD),
                new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null, "x", null)).get(0));
        assertThat(page).contains("[\"whatsapp<br/>provider\"]");
    }

    /** Features in the body by what they do, as the catalog's in-words say; their titles wait in Annex A. */
    @Test
    void theBodyNamesSafetyFeaturesInPlainWords() throws Exception {
        List<byte[]> out = submit(Repo.file("examples/whatsapp.yaml"), ALL);
        var catalog = Corpus.reviewer().review(Repo.file("examples/whatsapp.yaml")).catalog();
        String forwarding = catalog.safetyFeatures().get("FORWARDING-LIMITS").inWords();
        String franking = catalog.safetyFeatures().get("VERIFIABLE-REPORTING").inWords();
        String md = text(out.get(0));
        String body = section(md, "## 2. The first ask", "## Annex A.");
        String contact = catalog.safetyFeatures().get("CONTACT-CONTROLS").inWords();
        // The body names each feature once, in the objective it serves; Annex A says what each does.
        String ask1 = section(md, "## 2. The first ask", "## 3. The second ask");
        assertThat(ask1).contains("by " + contact + "; " + forwarding + ";").contains("Annex A describes each of these features.")
                .doesNotContain("- **" + Character.toUpperCase(forwarding.charAt(0)));
        assertThat(body).doesNotContain("Not yet in it")
                .doesNotContain("Forwarding limits").doesNotContain("Message Franking").doesNotContain("message franking");
        assertThat(section(md, "### What we ask", "### What each proposal would make possible")).contains("- We ask instead for " + franking);
        String annexA = section(md, "## Annex A.", "## Annex B.");
        // Each kind once, in words and by its title, with where the design has it beneath.
        assertThat(annexA).contains("- **" + Character.toUpperCase(forwarding.charAt(0)) + forwarding.substring(1)
                + "** (Forwarding limits): ").contains("\n  - `FORWARDING-LIMITS@forwarding-limits`: ")
                .doesNotContain("**Forwarding limits**");
        assertThat(text(out.get(1))).contains("<strong>" + Character.toUpperCase(forwarding.charAt(0)) + forwarding.substring(1) + "</strong>");
    }

    @Test
    void noFormatCarriesTheAuthorsPathOnlyTheModelsFileName(@TempDir Path dir) throws Exception {
        Path deep = Files.createDirectories(dir.resolve("home/alice/secret-project"));
        Path model = Files.copy(Repo.file("examples/whatsapp.yaml"), deep.resolve("whatsapp.yaml"));
        List<byte[]> out = submit(model, ALL);
        for (String doc : List.of(text(out.get(0)), text(out.get(1)))) {
            assertThat(doc).doesNotContain("alice").doesNotContain(dir.toString()).contains("whatsapp.yaml");
        }
    }

    @Test
    void theOrganisationsParticularsAndProseAreRenderedInEveryFormat(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("m.yaml"), Files.readString(Repo.file("examples/signal.yaml")) + """

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
                .contains("**From:** Example Messaging Ltd, <policy@example.org>  ").contains("model.yaml")
                // The address is a link a reader can follow or copy: as text it carried an invisible word joiner.
                .doesNotContain("\u2060");
        String summary = section(md, "## Summary", "## 1. The design");
        assertThat(summary).contains("We welcome the *consultation*.").contains("- keeps keys on devices;")
                .contains("**ciphertext**");
        assertThat(section(md, "## 3. The second ask", "## 4.")).contains("\\<b\\>without\\</b\\>");
        assertThat(section(md, "## 5. Closing", "## Annex A.")).contains("[our paper](https://example.org/paper)")
                .doesNotContain("javascript").doesNotContain("What we ask");
        // The organisation offers to review a measure sent to it, in its own voice, not as a service the document sells.
        assertThat(section(md, "## 4. The third ask", "## 5.")).contains("<https://example.org/model.yaml>")
                .contains("we will review it the same way and return the result").doesNotContain("comes back reviewed");
        // What the catalog says of a law is given as the organisation's reading of it.
        String withProposals = section(text(submit(Repo.file("examples/whatsapp.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0)),
                "## 3. The second ask", "## 4.");
        assertThat(withProposals).contains("The laws that bear on these proposals, some requiring such measures and some "
                + "limiting them, and how we read each:");

        String html = text(out.get(1));
        Document doc = xml(html);
        assertThat(html).contains("<em>consultation</em>").contains("<li>keeps keys on devices;</li>")
                .contains("<strong>ciphertext</strong>").contains("&lt;b&gt;without&lt;/b&gt;")
                .contains("<a rel=\"nofollow\" href=\"https://example.org/paper\">our paper</a>")
                .contains("Example Messaging Ltd, <a class=\"nowrap\" href=\"mailto:policy@example.org\">policy@example.org</a></dd>")
                .doesNotContain("javascript");
        // A contact that is more than an address stays text, escaped, and is no link.
        Path named = Files.writeString(dir.resolve("n.yaml"), Files.readString(model).replace("contact: policy@example.org",
                "contact: \"Policy team <policy@example.org>\""));
        List<byte[]> namedOut = submit(named, ALL);
        assertThat(text(namedOut.get(0))).contains(", Policy team \\<policy\u2060@example.org\\>  ");
        assertThat(text(namedOut.get(1))).contains(", <span class=\"nowrap\">Policy team &lt;policy@example.org&gt;</span>")
                .doesNotContain("mailto:");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Response to the lawful access consultation");
    }

    /**
     * What a newcomer's reader stumbled on: page 1's count of weaknesses against Annex A's count of findings ("six high"
     * against "10 high"), "through The ministry" in the figure, a finding "in direct-chat/police" or "in
     * device-escrow-key", and titles strung together after "which relies on".
     */
    @Test
    void countsNamesAndTitlesReadAsSentences(@TempDir Path dir) throws Exception {
        String whatsapp = text(submit(Repo.file("examples/whatsapp.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(whatsapp).contains("already weakens end-to-end encryption (two weaknesses, both high, found in three places)")
                .contains("Findings, one for each place a weakness is found: 0 critical, 3 high,");
        String clear = text(submit(Repo.file("examples/clear-device-escrow.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(clear).contains("through the phones' maker\"|").doesNotContain("through The phones' maker")
                .contains("which relies on one weakness: master key.");
        String ghost = text(submit(Repo.file("examples/ghost-proposal.yaml"), List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(ghost).contains("which relies on two weaknesses: ghost participant and key substitution members could detect.");
        String ministry = text(submit(Repo.file("e2ee-review-core/src/test/resources/newcomer/43-ministry-archive-bot.yaml"),
                List.of(Builtin.SUBMISSION_MD)).get(0));
        assertThat(ministry).doesNotContain("(Annex B).").contains("though it changes the design (below).");
        // Its two conversations share one membership by a YAML alias: each conversation's safeguards are listed.
        assertThat(ministry).contains("every join to room is shown to its members")
                .contains("every join to direct-chat is shown to its members");
    }

}
