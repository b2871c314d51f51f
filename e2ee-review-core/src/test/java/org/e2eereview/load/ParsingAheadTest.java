package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/** The parser run ahead gives the events, and the error that ends them, that it gives on its own. */
class ParsingAheadTest {

    private static List<String> events(Parser parser) {
        List<String> out = new ArrayList<>();
        try {
            Event e;
            do {
                e = parser.getEvent();
                out.add(e + " " + e.getStartMark().getIndex() + "-" + e.getEndMark().getIndex());
            } while (!(e instanceof StreamEndEvent));
            out.add("then " + parser.peekEvent());
        } catch (RuntimeException e) {
            out.add(e.getClass().getName() + ": " + e.getMessage());
        }
        return out;
    }

    private static Parser parser(String text) {
        return new ParserImpl(new StreamReader(text), new LoaderOptions());
    }

    private static void same(String text) {
        try (ParsingAhead ahead = new ParsingAhead(parser(text))) {
            assertThat(events(ahead)).isEqualTo(events(parser(text)));
        }
    }

    @Test
    void aLargeModelGivesTheSameEvents() {
        String text = SyntheticModel.generate(2000);
        same(text);
        assertThat(events(parser(text))).hasSizeGreaterThan(10_000);
    }

    @Test
    void anErrorComesAfterTheSameEvents() {
        String text = SyntheticModel.generate(2000);
        int middle = text.indexOf('\n', text.length() / 2);
        same(text.substring(0, middle) + "\n  bad: [unclosed\n" + text.substring(middle));
        same(text.substring(0, middle) + "\n  \u0007control: x\n" + text.substring(middle));
        same("");
        same("a: 1");
    }

    @Test
    void aLargeModelLoadsAsOnOneThread() throws Exception {
        String text = SyntheticModel.generate(3000);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Model m = new ModelLoader().parse("large.yaml", bytes);
        assertThat(m.size()).isGreaterThan(2500);
        int middle = text.indexOf('\n', text.length() / 2);
        String broken = text.substring(0, middle) + "\n  bad: [unclosed\n" + text.substring(middle);
        InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> new ModelLoader().parse("large.yaml", broken.getBytes(StandardCharsets.UTF_8)), InputException.class);
        assertThat(e.getMessage()).contains("large.yaml:").contains("YAML syntax error");
    }
}
