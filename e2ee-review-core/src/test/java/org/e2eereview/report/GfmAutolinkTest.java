package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.e2eereview.Corpus;
import org.e2eereview.report.escape.Markdown;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markdown reports as GitHub renders them: through cmark-gfm, GitHub's own renderer, with its
 * autolink extension, which turns bare URLs, www. names and e-mail addresses into links that
 * backslash escapes do not stop. {@code bash .ci/run} installs Debian's {@code cmark-gfm}; elsewhere
 * set CMARK_GFM to the binary, or skip with -De2ee.gfm=skip.
 */
class GfmAutolinkTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static String cmark;

    @BeforeAll
    static void renderer() {
        org.junit.jupiter.api.Assumptions.assumeFalse("skip".equals(System.getProperty("e2ee.gfm")),
                "GitHub-flavoured Markdown tests skipped on request");
        String env = System.getenv("CMARK_GFM");
        cmark = env != null ? env : Files.isExecutable(Path.of("/usr/bin/cmark-gfm")) ? "/usr/bin/cmark-gfm" : null;
        assertThat(cmark).as("cmark-gfm, GitHub's Markdown renderer, is needed: bash .ci/run installs Debian's "
                + "cmark-gfm; or set CMARK_GFM, or pass -De2ee.gfm=skip").isNotNull();
    }

    @Test
    void theRendererDoesAutolinkWhatIsNotEscaped() throws Exception {
        assertThat(links("see http://bare.test/ or www.bare.test or mail@bare.test"))
                .containsExactly("http://bare.test/", "http://www.bare.test", "mailto:mail@bare.test");
    }

    @Test
    void escapedModelTextLinksNothingAndReadsTheSame() throws Exception {
        String text = "see http://bare.test/ or WWW.bare.test or mail@bare.test; RULE@element stays as written";
        String html = gfm(Markdown.escape(text));
        assertThat(HREF.matcher(html).find()).as(html).isFalse();
        assertThat(html.replace("\u2060", "")).contains(text);
        assertThat(Markdown.escape("RULE@element")).isEqualTo("RULE@element");
    }

    @Test
    void noMarkdownReportLinksAnythingFromTheModel(@TempDir Path dir) throws Exception {
        Review review = Corpus.reviewer().review(Hostile.model(dir));
        List<byte[]> out = ReportsTest.render(review, Builtin.MD, Builtin.SUBMISSION_MD);
        for (byte[] md : out) {
            assertThat(links(new String(md, StandardCharsets.UTF_8)))
                    .as("links in the rendered report: only the report's own anchors and catalog sources")
                    .isNotEmpty()
                    .noneMatch(link -> link.contains(".test") || link.startsWith("javascript"));
        }
    }

    private static List<String> links(String markdown) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(gfm(markdown));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static String gfm(String markdown) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmark, "-e", "autolink", "-e", "table", "-e", "strikethrough")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(markdown.getBytes(StandardCharsets.UTF_8));
        }
        String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(html).isZero();
        return html;
    }
}
