package org.e2eereview.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
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
