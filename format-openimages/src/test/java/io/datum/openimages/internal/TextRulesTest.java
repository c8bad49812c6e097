package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.openimages.internal.csv.Shlex;
import io.datum.openimages.internal.detect.NamePatterns;
import io.datum.openimages.internal.write.Slugs;
import io.datum.text.PythonNumbers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's shlex, the reference's slugs, file name patterns and path checks. */
class TextRulesTest {
    @Test
    void splitsImagesMetaLinesLikeShlex() {
        // expected values as printed by python3 shlex.split(line, comments=True)
        assertEquals(List.of("a"), Shlex.split("a#b 1 2"));
        assertEquals(List.of("img3", "5", "7"), Shlex.split("\"img3\" 5 7"));
        assertEquals(List.of("img1", "4", "6", "extra"), Shlex.split("'img1' 4 6 extra"));
        assertEquals(List.of("x y", "1", "2"), Shlex.split("x\\ y 1 2"));
        assertEquals(List.of("a\"b", "1", "2"), Shlex.split("\"a\\\"b\" 1 2"));
        assertEquals(List.of("a\\b", "1", "2"), Shlex.split("'a\\b' 1 2"));
        assertEquals(List.of("ab cd", "1", "2"), Shlex.split("a\"b c\"d 1 2"));
        assertEquals(List.of(), Shlex.split("#x"));
        assertEquals(List.of(), Shlex.split("  "));
        assertThrows(IllegalArgumentException.class, () -> Shlex.split("'open 1 2"));
    }

    @Test
    void quotesLikeShlex() {
        assertEquals("'x y/Z 1'", Shlex.quote("x y/Z 1"));
        assertEquals("'i,\"d\"'", Shlex.quote("i,\"d\""));
        assertEquals("dir/img2", Shlex.quote("dir/img2"));
        assertEquals("a@b%c+d=e:f,g.h/i-j_k", Shlex.quote("a@b%c+d=e:f,g.h/i-j_k"));
        assertEquals("''", Shlex.quote(""));
        assertEquals("'é'", Shlex.quote("é"));
        assertEquals("'it'\"'\"'s'", Shlex.quote("it's"));
        for (String s : List.of("x y/Z 1", "i,\"d\"", "it's", "é", "a\\b")) {
            assertEquals(List.of(s, "1", "2"), Shlex.split(Shlex.quote(s) + " 1 2"), s);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/m/0|m0", "x y/Z 1|x-yz-1", "Cat Dog|cat-dog", "ünïcode|unicode", "' -a- '|-a-", "a__b|a__b",
        "BH-07A-40X|bh-07a-40x", "a  -  b|a-b", "日本|''",
    })
    void slugsLikeTheReference(String name, String slug) {
        assertEquals(slug, Slugs.fileName(name));
    }

    @Test
    void matchesFileNamePatterns() {
        assertTrue(NamePatterns.matches("*-annotations-bbox.csv", "oidv6-train-annotations-bbox.csv"));
        assertTrue(NamePatterns.matches("*-annotations-bbox.csv", "-annotations-bbox.csv"));
        assertFalse(NamePatterns.matches("*-annotations-bbox.csv", "train-annotations-bbox.csv.tmp"));
        assertFalse(NamePatterns.matches("*-images-with-rotation.csv", "train-images-boxable-with-rotation.csv"));
        assertFalse(NamePatterns.matches("*-images-with-rotation.csv", "x-images-with-labels-with-rotation.csv"));
        assertTrue(NamePatterns.matches("oidv*-class-descriptions.csv", "oidv6-class-descriptions.csv"));
        assertFalse(NamePatterns.matches("oidv*-class-descriptions.csv", "oidv6-class-descriptions-boxable.csv"));
        assertFalse(NamePatterns.matches("*-annotations-bbox.csv", "Train-Annotations-Bbox.csv"), "case-sensitive");
        assertTrue(NamePatterns.matches("image_ids_and_rotation.csv", "image_ids_and_rotation.csv"));
    }
}
