package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.e2eereview.load.ModelLoader;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recipe of docs/modelling.md is a test: its model validates and gives what the guide says,
 * in its "Gives", "Who reads" and "Not" lines.
 */
class ModellingGuideTest {

    record Recipe(String title, String yaml, String text) {
    }

    static List<Recipe> recipes() throws Exception {
        String md = Files.readString(Repo.file("docs/modelling.md"), StandardCharsets.UTF_8);
        List<Recipe> out = new ArrayList<>();
        String[] sections = md.split("\n## ");
        for (int i = 1; i < sections.length; i++) {
            String section = sections[i];
            int open = section.indexOf("```yaml\n");
            if (open < 0) continue;
            int close = section.indexOf("\n```", open + 8);
            out.add(new Recipe(section.substring(0, section.indexOf('\n')), section.substring(open + 8, close + 1),
                    section.substring(close + 4)));
        }
        return out;
    }

    @Test
    void theGuideHasARecipeForEachQuestionNewUsersMeet() throws Exception {
        assertThat(recipes().stream().map(Recipe::title)).contains("Two-person chats", "An SDK inside the app",
                "A key backup", "Notification previews", "A wrapped key sent with the message", "Split keys",
                "Release on a warrant", "A carrier", "A user report", "An employer's archive", "A bot in every room", "A legal hold nobody is shown",
                "An opt-in AI feature", "An attested enclave", "Contact discovery in an enclave", "Hashed phone numbers",
                "A device in hand", "Keys the provider holds");
        assertThat(recipes()).allSatisfy(r -> assertThat(r.text()).contains("**Gives:**"));
    }

    @TestFactory
    Stream<DynamicTest> eachRecipeGivesWhatTheGuideSays() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        return recipes().stream().map(r -> DynamicTest.dynamicTest(r.title(), () -> {
            Review review = reviewer.review(new ModelLoader().parse("docs/modelling.md [" + r.title() + "]",
                    r.yaml().getBytes(StandardCharsets.UTF_8)));
            check(r, review);
        }));
    }

    static final Pattern GIVES = Pattern.compile("`([A-Z][A-Z-]+@[^`]+)` \\((critical|high|medium|low|info|preserves|weakens)");

    private static void check(Recipe r, Review review) {
        String gives = line(r.text(), "**Gives:**");
        Matcher m = GIVES.matcher(gives);
        List<String> expected = new ArrayList<>();
        while (m.find()) expected.add(m.group(1) + " " + m.group(2));
        assertThat(expected).as(r.title() + ": its Gives line names findings").isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Reviewed w : review.weakenings()) found.add(w.finding().id() + " " + w.finding().severity().yamlName());
        for (Reviewed f : review.safetyFeatures()) found.add(f.finding().id() + " " + f.finding().verdict().yamlName());
        assertThat(found).as(r.title()).containsAll(expected);
        List<String> aboveLow = review.weakenings().stream().map(Reviewed::finding)
                .filter(f -> f.severity().atLeast(org.e2eereview.catalog.Severity.MEDIUM))
                .map(f -> f.id() + " " + f.severity().yamlName()).toList();
        assertThat(expected).as(r.title() + ": every finding above low is in the guide").containsAll(aboveLow);
        String not = line(r.text(), "**Not:**");
        Matcher n = Pattern.compile("`([A-Z][A-Z-]+)`").matcher(not);
        while (n.find()) {
            String rule = n.group(1);
            assertThat(review.weakenings()).as(r.title() + ": no " + rule).noneMatch(w -> w.finding().rule().equals(rule));
        }
        Matcher who = Pattern.compile("\\*\\*Who reads `([^`]+)`:\\*\\* ([^\n]*)").matcher(r.text());
        while (who.find()) {
            String conversation = who.group(1);
            List<String> readers = new ArrayList<>();
            Matcher p = Pattern.compile("([a-z][a-z0-9-]*) \\(([a-z-]+)\\)").matcher(who.group(2));
            while (p.find()) readers.add(p.group(1) + " " + p.group(2));
            assertThat(review.access().stream().filter(a -> a.conversation().equals(conversation))
                    .map(a -> a.party() + " " + a.condition().yamlName()).toList())
                    .as(r.title() + ": who reads " + conversation).containsExactlyInAnyOrderElementsOf(readers);
        }
    }

    private static String line(String text, String label) {
        int at = text.indexOf(label);
        if (at < 0) return "";
        int end = text.indexOf("\n**", at + label.length());
        int para = text.indexOf("\n\n", at);
        int stop = Math.min(end < 0 ? text.length() : end, para < 0 ? text.length() : para);
        return text.substring(at, stop).replace('\n', ' ');
    }

}
