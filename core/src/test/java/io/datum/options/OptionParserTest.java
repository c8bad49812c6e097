package io.datum.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionParserTest {
    private static OptionParser cvat() {
        return OptionParser.named("cvat")
                .flag("--save-images", "(Deprecated. Use --save-media instead) Save images (default: False)")
                .flag("--save-media", "Save media (default: False)")
                .value(List.of("--image-ext"), "IMAGE_EXT", "Image extension (default: keep or use format default .jpg)")
                .flag("--save-dataset-meta", "Save dataset meta file (default: False)")
                .flag("--reindex", "Assign new indices to frames (default: False)")
                .flag("--allow-undeclared-attrs", "Write annotation attributes even if they are not present in "
                        + "the input dataset metainfo (default: False)");
    }

    @Test
    void wrapsUsageAsArgparseDoes() {
        assertEquals("usage: cvat [-h] [--save-images] [--save-media] [--image-ext IMAGE_EXT]\n"
                + "            [--save-dataset-meta] [--reindex] [--allow-undeclared-attrs]", cvat().usage());
    }

    @Test
    void formatsHelpAsArgparseDoes() {
        String help = OptionParser.named("open_images")
                .flag("--save-images", "(Deprecated. Use --save-media instead) Save images (default: False)")
                .flag("--save-media", "Save media (default: False)")
                .value(List.of("--image-ext"), "IMAGE_EXT", "Image extension (default: keep or use format default .jpg)")
                .flag("--save-dataset-meta", "Save dataset meta file (default: False)")
                .help();
        assertEquals("usage: open_images [-h] [--save-images] [--save-media] [--image-ext IMAGE_EXT]\n"
                + "                   [--save-dataset-meta]\n\n"
                + "options:\n"
                + "  -h, --help            show this help message and exit\n"
                + "  --save-images         (Deprecated. Use --save-media instead) Save images\n"
                + "                        (default: False)\n"
                + "  --save-media          Save media (default: False)\n"
                + "  --image-ext IMAGE_EXT\n"
                + "                        Image extension (default: keep or use format default\n"
                + "                        .jpg)\n"
                + "  --save-dataset-meta   Save dataset meta file (default: False)\n", help);
    }

    @Test
    void acceptsUniquePrefixesUnderscoresAndInlineValues() {
        ParsedOptions o = cvat().parse(List.of("--save-m", "--allow_undeclared_attrs", "--image-ext=.png"));
        assertTrue(o.flag("save-media"));
        assertTrue(o.flag("allow-undeclared-attrs"));
        assertFalse(o.flag("save-images"));
        assertEquals(".png", o.value("image-ext"));
    }

    @Test
    void refusesAmbiguousPrefix() {
        UsageException e = assertThrows(UsageException.class, () -> cvat().parse(List.of("--save")));
        assertEquals("ambiguous option: --save could match --save-images, --save-media, --save-dataset-meta",
                e.getMessage());
        assertTrue(e.display().endsWith("cvat: error: ambiguous option: --save could match --save-images, "
                + "--save-media, --save-dataset-meta"));
    }

    @Test
    void refusesUnknownOptionsAllAtOnce() {
        UsageException e = assertThrows(UsageException.class, () -> cvat().parse(List.of("--foo", "bar")));
        assertEquals("unrecognized arguments: --foo bar", e.getMessage());
    }

    @Test
    void helpWinsOverEverythingElse() {
        HelpRequested h = assertThrows(HelpRequested.class, () -> cvat().parse(List.of("--foo", "-h")));
        assertTrue(h.help().startsWith("usage: cvat"));
    }

    @Test
    void requiresRequiredOptionsAndPositionals() {
        OptionParser p = OptionParser.named("datum import")
                .required(List.of("-f", "--format"), "FORMAT", "format")
                .positional("url", OptionParser.Arity.ONE, "where");
        UsageException e = assertThrows(UsageException.class, () -> p.parse(List.of()));
        assertEquals("the following arguments are required: -f/--format, url", e.getMessage());
        ParsedOptions o = p.parse(List.of("-f", "open_images", "/data"));
        assertEquals("open_images", o.value("format"));
        assertEquals("/data", o.positional("url"));
    }

    @Test
    void handsEverythingAfterDoubleDashToTheFormat() {
        OptionParser p = OptionParser.named("datum convert")
                .value(List.of("-if", "--input-format"), "INPUT_FORMAT", "in")
                .value(List.of("-i", "--input-path"), "SOURCE", "in", ".")
                .extra("EXTRA");
        ParsedOptions o = p.parse(List.of("-if", "cvat", "--", "--save-images", "-x"));
        assertEquals("cvat", o.value("input-format"));
        assertEquals(".", o.value("input-path"));
        assertEquals(List.of("--save-images", "-x"), o.extra());
    }

    @Test
    void missingValueIsAnError() {
        OptionParser p = OptionParser.named("x").value(List.of("-o", "--output-dir"), "DIR", "out");
        UsageException e = assertThrows(UsageException.class, () -> p.parse(List.of("-o")));
        assertEquals("argument -o/--output-dir: expected one argument", e.getMessage());
    }

    @Test
    void aRepeatedOptionKeepsEveryValueInOrder() {
        OptionParser p = OptionParser.named("remap_labels").repeated(List.of("-l", "--label"), "LABEL", "a:b (repeatable)");
        ParsedOptions o = p.parse(List.of("-l", "a:b", "--label=c:", "-l", "d:d"));
        assertEquals(List.of("a:b", "c:", "d:d"), o.values("label"));
        assertEquals(List.of(), p.parse(List.of()).values("label"));
    }

    @Test
    void numbersAreReadAsArgparseTypeIntAndTypeFloatReadThem() {
        OptionParser p = cvat();
        assertEquals(-12, p.intValue("--start", " -12 "));
        assertEquals(3_000_000_000L, p.intValue("--start", "+3000000000"));
        assertEquals(0.25, p.floatValue("-k", " .25"));
        assertEquals(1e-3, p.floatValue("-k", "1E-3"));
        UsageException e = assertThrows(UsageException.class, () -> p.intValue("-s/--start", "1.5"));
        assertEquals("argument -s/--start: invalid int value: '1.5'", e.getMessage());
        for (String javaOnly : List.of("1d", "2F", "0x1p3", "")) {
            UsageException f = assertThrows(UsageException.class, () -> p.floatValue("-k/--topk-bins", javaOnly));
            assertEquals("argument -k/--topk-bins: invalid float value: '" + javaOnly + "'", f.getMessage());
        }
    }
}
