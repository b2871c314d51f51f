package org.e2eereview.report;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON whose text is safe to print: besides the control characters JSON itself escapes, C1
 * controls and bidirectional overrides are written as \\uXXXX, so that a model string cannot
 * recolour a terminal or reorder what a reader sees when the file is shown. Parsed, the values are
 * unchanged.
 */
final class InertJson extends CharacterEscapes {

    private static final int[] ASCII = standardAsciiEscapesForJSON();

    private InertJson() {
    }

    static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        m.getFactory().setCharacterEscapes(new InertJson());
        return m;
    }

    /**
     * A generator writing a report into {@code to} as the reports write it: indented, with one line ending on
     * every system, so that the same review gives the same bytes; closing it leaves {@code to} open.
     */
    static JsonGenerator generator(ObjectMapper mapper, OutputStream to) throws IOException {
        JsonGenerator g = mapper.createGenerator(to, JsonEncoding.UTF8);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
        return g;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        int[] codes = ASCII.clone();
        codes[0x7f] = ESCAPE_STANDARD;
        return codes;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
        boolean unsafe = (c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb);
        return unsafe ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", c)) : null;
    }
}
