package io.datum.support.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static boolean javaAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void sequencesAreMeasuredAndDecoded() {
        byte[] text = "é€😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(2, Utf8.sequenceLength(text, 0, text.length));
        assertEquals(3, Utf8.sequenceLength(text, 2, text.length));
        assertEquals(4, Utf8.sequenceLength(text, 5, text.length));
        assertEquals('é', Utf8.codePoint(text, 0, 2));
        assertEquals('€', Utf8.codePoint(text, 2, 3));
        assertEquals(0x1F600, Utf8.codePoint(text, 5, 4));
        assertEquals(1, Utf8.chars(3));
        assertEquals(2, Utf8.chars(4));
        assertEquals(-1, Utf8.sequenceLength(text, 5, 8), "cut short by the limit");
    }

    @Test
    void theFirstBadByteIsFound() {
        assertEquals(-1, Utf8.firstInvalid("plain é".getBytes(StandardCharsets.UTF_8), 0, 8));
        assertEquals(2, Utf8.firstInvalid(bytes('a', 'b', 0x80, 'c'), 0, 4), "a stray continuation byte");
        assertEquals(1, Utf8.firstInvalid(bytes('a', 0xC0, 0x80), 0, 3), "an overlong NUL");
        assertEquals(0, Utf8.firstInvalid(bytes(0xED, 0xA0, 0x80), 0, 3), "a surrogate");
        assertEquals(0, Utf8.firstInvalid(bytes(0xF4, 0x90, 0x80, 0x80), 0, 4), "past U+10FFFF");
        assertEquals(3, Utf8.firstInvalid(bytes('x', 0xC3, 0xA9, 0xE2, 0x82), 0, 5), "cut short at the end of the range");
        assertEquals(-1, Utf8.firstInvalid(bytes(0xFF, 'o', 'k'), 1, 3), "only the range is looked at");
        assertFalse(Utf8.isValid(bytes(0xFF), 0, 1));
        assertTrue(Utf8.isValid(new byte[0], 0, 0));
    }

    @Test
    void everyTwoAndThreeByteFormAgreesWithJavasStrictDecoder() {
        for (int b0 = 0x80; b0 < 0x100; b0++) {
            for (int b1 = 0; b1 < 0x100; b1++) {
                String at = Integer.toHexString(b0) + " " + Integer.toHexString(b1);
                byte[] two = bytes(b0, b1);
                assertEquals(javaAccepts(two), Utf8.isValid(two, 0, 2), at);
                byte[] three = bytes(b0, b1, 0x80);
                assertEquals(javaAccepts(three), Utf8.isValid(three, 0, 3), at);
                byte[] four = bytes(b0, b1, 0x80, 0x80);
                assertEquals(javaAccepts(four), Utf8.isValid(four, 0, 4), at);
            }
        }
    }
}
