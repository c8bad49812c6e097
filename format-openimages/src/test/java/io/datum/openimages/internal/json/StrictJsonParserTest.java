package io.datum.openimages.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.datum.spi.DatasetException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON as Python reads it, and every error at its line and column, in plain words. */
class StrictJsonParserTest {
    private static JsonDocument parse(String json) {
        return StrictJsonParser.parse(json.getBytes(StandardCharsets.UTF_8), "f.json", 5, 100);
    }

    private static String failure(byte[] json) {
        return assertThrows(DatasetException.class,
                () -> StrictJsonParser.parse(json, "f.json", 5, 100)).getMessage();
    }

    private static String failure(String json) {
        return failure(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatPythonReads() {
        JsonObject o = parse("\uFEFF {\"a\": [1, -0.5e+3, true, false, null, \"x\\u00e9\\n\\\"\\/\"],\r\n"
                + " \"b\": {}, \"b\": [], \"n\": [NaN, Infinity, -Infinity, 1E999999999999]}").root().getAsJsonObject();
        JsonArray a = o.getAsJsonArray("a");
        assertEquals(6, a.size());
        assertEquals(-500, a.get(1).getAsDouble());
        assertTrue(a.get(4).isJsonNull());
        assertEquals("x\u00e9\n\"/", a.get(5).getAsString());
        assertTrue(o.get("b").isJsonArray(), "the later of two equal names wins");
        assertTrue(Double.isNaN(o.getAsJsonArray("n").get(0).getAsDouble()));
        assertEquals(Double.POSITIVE_INFINITY, o.getAsJsonArray("n").get(3).getAsDouble());
        assertEquals("\"\"", parse(" \"\" ").root().toString());
    }

    @Test
    void errorsNameLineAndColumnInPlainWords() {
        assertEquals("f.json:1:1: malformed JSON: a value was expected, but the file ends", failure(""));
        assertEquals("f.json:1:3: malformed JSON: extra data after the JSON value", failure("{}{}"));
        assertEquals("f.json:2:1: malformed JSON: extra data after the JSON value", failure("[1]\n]"));
        assertEquals("f.json:2:5: malformed JSON: ']' where a value was expected", failure("{\"a\":\r\n[1, ]}"));
        assertEquals("f.json:1:9: malformed JSON: '}' where a name in double quotes was expected", failure("{\"a\": 1,}"));
        assertEquals("f.json:1:2: malformed JSON: ''' where a name in double quotes was expected", failure("{'a': 1}"));
        assertEquals("f.json:1:6: malformed JSON: '1' where ':' was expected after a name", failure("{\"a\" 1}"));
        assertEquals("f.json:1:7: malformed JSON: the end of the file where ',' or '}' was expected", failure("{\"a\":1"));
        assertEquals("f.json:1:4: malformed JSON: '2' where ',' or ']' was expected", failure("[1 2]"));
        assertEquals("f.json:1:2: malformed JSON: a string that is never closed", failure("[\"abc"));
        assertEquals("f.json:1:4: malformed JSON: a control character (U+0009) inside a string", failure("[\"a\tb\"]"));
        assertEquals("f.json:1:3: malformed JSON: an unknown escape '\\x' in a string", failure("[\"\\x\"]"));
        assertEquals("f.json:1:3: malformed JSON: '\\u' is not followed by four hexadecimal digits", failure("[\"\\u12G4\"]"));
        assertEquals("f.json:1:2: malformed JSON: '/' where a value was expected", failure("[/* no comments */]"));
        assertEquals("f.json:1:1: malformed JSON: 't' where a value was expected", failure("tru"));
        assertEquals("f.json:1:3: malformed JSON: 'x' where a digit was expected after '.'", failure("1.x"));
        assertEquals("f.json:1:2: malformed JSON: the end of the file where a digit was expected", failure("-"));
        assertEquals("f.json:1:6: malformed JSON: values nested deeper than 5 levels", failure("[[[[[[]]]]]]"));
        assertEquals("f.json:1:200: malformed JSON: more than 100 values", failure("[" + "0,".repeat(100) + "0]"));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWhereTheyAre() {
        assertEquals("f.json:2:3: malformed JSON: not valid UTF-8 text",
                failure(new byte[] {'[', '\n', ' ', '"', (byte) 0xC3, '"', ']'}));
    }

    @Test
    void wrongShapesAreReportedAtTheValue() {
        JsonDocument doc = parse("{\"labels\":\n  [\"a\", 3, null]}");
        JsonElement labels = doc.root().getAsJsonObject().get("labels");
        JsonArray list = labels.getAsJsonArray();
        assertEquals("f.json:2:9: not a string", doc.error(list.get(1), "not a string").getMessage());
        assertEquals("f.json:2:3: null, in this list", doc.error(list.get(2), labels, "null, in this list").getMessage());
    }
}
