package io.datum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java counterparts of the Open Images documentation's Python examples run, on the sample
 * shipped in the repository, and {@code docs/java-api.md} shows exactly their source (so the
 * documentation cannot drift from code that compiles and works).
 */
class JavaApiExamplesTest {
    static Path repo() {
        return Path.of(System.getProperty("datum.repo", "..")).toAbsolutePath().normalize();
    }

    static Path sample() {
        return repo().resolve("samples/open-images-sample");
    }

    @Test
    void convertsTheSampleToCvatWithImages(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("save_dir");
        ConvertOpenImagesToCvat.convert(sample(), out);
        assertTrue(Files.readString(out.resolve("train.xml")).contains("<image id=\"0\" name=\"0a1b2c3d4e5f6a7b.jpg\" "
                + "width=\"64\" height=\"48\">"));
        assertTrue(Files.exists(out.resolve("images/9a8b7c6d5e4f3a2b.jpg")));
        assertTrue(Files.exists(out.resolve("validation.xml")));
    }

    @Test
    void buildsAOneItemDatasetAndWritesOpenImages(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("dataset");
        BuildDatasetForOpenImages.build(sample().resolve("images/train/0a1b2c3d4e5f6a7b.jpg"), out);
        assertEquals("ImageID,Source,LabelName,Confidence\r\nimage1,,/m/0,1\r\nimage1,,/m/1,1\r\n",
                Files.readString(out.resolve("annotations/train-annotations-human-imagelabels.csv")));
        assertEquals("/m/0,/m/0\r\n/m/1,/m/1\r\n", Files.readString(out.resolve("annotations/class-descriptions.csv")));
    }

    @Test
    void convertsOneSubsetWithNewLabelsThroughThePipeline(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("save_dir");
        io.datum.api.ExportResult result = ConvertTrainSubsetWithNewLabels.convert(sample(), out);
        assertEquals(2, result.items());
        assertEquals(out.toAbsolutePath().normalize(), result.output());
        assertTrue(Files.exists(out.resolve("train.xml")));
        assertTrue(!Files.exists(out.resolve("validation.xml")), "the filter kept the train subset only");
        String xml = Files.readString(out.resolve("train.xml"));
        assertTrue(xml.contains("<name>bird</name>"), xml);
        assertTrue(!xml.contains("/m/01yrx"), "the other labels were deleted");
    }

    @Test
    void theDocumentationShowsTheseExamplesVerbatim() throws IOException {
        String doc = Files.readString(repo().resolve("docs/java-api.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        Path sources = repo().resolve("distribution/src/test/java/io/datum/examples");
        assertTrue(blocks.contains(Files.readString(sources.resolve("ConvertOpenImagesToCvat.java"))),
                "docs/java-api.md shows ConvertOpenImagesToCvat.java verbatim");
        assertTrue(blocks.contains(Files.readString(sources.resolve("BuildDatasetForOpenImages.java"))),
                "docs/java-api.md shows BuildDatasetForOpenImages.java verbatim");
        assertTrue(blocks.contains(Files.readString(sources.resolve("ConvertTrainSubsetWithNewLabels.java"))),
                "docs/java-api.md shows ConvertTrainSubsetWithNewLabels.java verbatim");
    }
}
