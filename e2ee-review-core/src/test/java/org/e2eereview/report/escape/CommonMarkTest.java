package org.e2eereview.report.escape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonMarkTest {

    @Test
    void paragraphsListsEmphasisAndLinksAreKept() {
        String text = "We welcome the *consultation*.\n\nOur design:\n\n- keeps keys on devices\n- relays **ciphertext**\n\n"
                + "See [our paper](https://example.org/p).";
        assertThat(CommonMark.html(text)).isEqualTo("<p>We welcome the <em>consultation</em>.</p>\n<p>Our design:</p>\n"
                + "<ul>\n<li>keeps keys on devices</li>\n<li>relays <strong>ciphertext</strong></li>\n</ul>\n"
                + "<p>See <a rel=\"nofollow\" href=\"https://example.org/p\">our paper</a>.</p>");
        assertThat(CommonMark.markdown(text)).contains("*consultation*", "- keeps keys on devices",
                "**ciphertext**", "[our paper](https://example.org/p)");
    }

    @Test
    void rawHtmlShowsAsTextAndUnsafeLinksAndImagesLoseTheirTargets() {
        String text = "<script>alert(1)</script>\n\nA <b>bold</b> [l](javascript:alert(1)) ![pic](https://x.test/i.png)";
        String html = CommonMark.html(text);
        assertThat(html).doesNotContain("<script", "<b>", "javascript", "<img", "x.test")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "A &lt;b&gt;bold&lt;/b&gt; l pic");
        String md = CommonMark.markdown(text);
        assertThat(md).doesNotContain("javascript", "](", "x.test");
        assertThat(CommonMark.html(md)).doesNotContain("<script", "<b>");
    }

    @Test
    void headingsBecomeBoldParagraphsSoTheDocumentKeepsItsOutline() {
        assertThat(CommonMark.html("# Our view\n\ntext")).isEqualTo("<p><strong>Our view</strong></p>\n<p>text</p>");
    }

    @Test
    void controlCharactersShowAndBareUrlsStayText() {
        assertThat(CommonMark.html("a\u001b[31m b")).isEqualTo("<p>a\\u001b[31m b</p>");
        assertThat(CommonMark.markdown("see https://x.test/ or a@b.test")).contains("https\u2060://x.test/", "a\u2060@b.test");
        assertThat(CommonMark.html(" ")).isNull();
    }
}
