package org.e2eereview.report.escape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {

    @Test
    void markdownShowsTextAsWritten() {
        assertThat(Markdown.escape("[click](javascript:x) <b>*x*</b> `y` | z")).isEqualTo(
                "\\[click\\](javascript:x) \\<b\\>\\*x\\*\\</b\\> \\`y\\` \\| z");
        assertThat(Markdown.escape("# title\nnext")).isEqualTo("\\# title next");
        assertThat(Markdown.escape("12. not a list")).isEqualTo("12\\. not a list");
        assertThat(Markdown.escape("a.b 1.2")).isEqualTo("a.b 1.2");
        assertThat(Markdown.escape("${x} {{y}} ~~z~~ &amp;")).isEqualTo("\\$\\{x\\} \\{\\{y\\}\\} \\~\\~z\\~\\~ \\&amp;");
    }

    @Test
    void controlsAndBidiOverridesBecomeVisible() {
        assertThat(Inert.text("a\u001b[31mred\u202Eevil\u2066x\nok")).isEqualTo("a\\u001b[31mred\\u202eevil\\u2066x\nok");
        assertThat(Inert.text("lone \uD800 surrogate, pair \uD83D\uDE00")).isEqualTo("lone \\ud800 surrogate, pair \uD83D\uDE00");
        assertThat(Inert.text("plain")).isSameAs("plain");
    }

    @Test
    void mermaidLabelsKeepOnlyPlainCharacters() {
        assertThat(Mermaid.label("a\"]; click x call alert(1) %%{init}%% `b` <i>|")).isEqualTo(
                "a#34;#93;#59; click x call alert(1) #37;#37;#123;init#125;#37;#37; #96;b#96; #60;i#62;#124;");
        assertThat(Mermaid.label("web-client")).isEqualTo("web-client");
    }

    @Test
    void sarifMessagesShowBracketsBracesAndBackslashesAsWritten() {
        assertThat(SarifMessage.text("[l](0) \\[m] {0} a\u001b")).isEqualTo("\\[l\\](0) \\\\\\[m\\] {{0}} a\\\\u001b");
        assertThat(SarifMessage.link("see [x]", 3)).isEqualTo("[see \\[x\\]](3)");
        assertThat(SarifMessage.text(null)).isEmpty();
    }

    @Test
    void xmlEscapesMarkupAndQuotes() {
        assertThat(Xml.text("<script>\"x\" & 'y'</script>")).isEqualTo(
                "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
    }
}
