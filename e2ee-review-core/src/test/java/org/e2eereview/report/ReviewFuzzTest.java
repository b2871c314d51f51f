package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.Problem;
import org.e2eereview.model.Model;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bytes through load, review and every renderer. A load may refuse the bytes, with located
 * problems; anything else must render in every format, with no raw escape sequence in any text
 * format, HTML that parses and JSON that parses. In the normal test run this replays the seeds (the
 * examples, the hostile-text model, the malformed-input corpus) and every crash input saved under
 * e2ee-review-core/src/test/resources/org/e2eereview/report/ReviewFuzzTestInputs/everyFormat/; to fuzz for ten
 * minutes: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -ntp test -Dtest=ReviewFuzzTest}.
 */
class ReviewFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<OutputFormat> FORMATS = Builtin.all();
    private static Reviewer reviewer;

    @BeforeAll
    static void reviewer() throws Exception {
        reviewer = Corpus.reviewer();
    }

    static Stream<Arguments> everyFormat() throws IOException {
        List<Arguments> seeds = new ArrayList<>();
        List<Path> files = new ArrayList<>(Corpus.files("examples"));
        try (Stream<Path> malformed = Files.list(Repo.file("e2ee-review-core/src/test/resources/malformed"))) {
            malformed.filter(p -> !p.toString().endsWith(".tsv")).sorted().forEach(files::add);
        }
        for (Path p : files) seeds.add(Arguments.of((Object) Files.readAllBytes(p)));
        Path dir = Files.createTempDirectory("hostile");
        seeds.add(Arguments.of((Object) Files.readAllBytes(Hostile.model(dir))));
        return seeds.stream();
    }

    @MethodSource
    @FuzzTest(maxDuration = "10m")
    void everyFormat(byte[] input) throws Exception {
        Model model;
        try {
            model = new ModelLoader().parse("fuzz.yaml", input);
        } catch (InputException e) {
            assertThat(e.problems()).isNotEmpty();
            for (Problem p : e.problems()) assertThat(p.toString()).startsWith("fuzz.yaml:").doesNotContain("\n");
            return;
        }
        Review review = reviewer.review(model);
        List<byte[]> out = Reports.render(review, FORMATS, ReportsTest.OPTIONS);
        for (int i = 0; i < FORMATS.size(); i++) {
            OutputFormat f = FORMATS.get(i);
            assertThat(out.get(i)).as(f.id()).isNotEmpty();
            if (f.binary()) continue;
            String text = new String(out.get(i), StandardCharsets.UTF_8);
            assertThat(text.indexOf('\u001b')).as(f.id() + " holds no raw escape").isNegative();
            if (f == Builtin.JSON || f == Builtin.SARIF) JSON.readTree(text);
            if (f == Builtin.HTML || f == Builtin.SUBMISSION_HTML) ReportsTest.xml(text);
            if (f == Builtin.JUNIT) JUnitReportTest.validate(text);
        }
    }
}
