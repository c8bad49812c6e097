package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.model.DatasetItem;
import io.datum.openimages.internal.Fixtures;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns no reader uses (the description file's URLs and titles, the boxes' XClick columns,
 * the masks' Clicks) are skipped rather than split, but still checked: what they hold is read
 * past whatever it is, and a malformed cell there fails with the file and line, as before. Both
 * ways of reading a dataset in Google's shape (a table of the items, or the join) are covered.
 */
class SkippedColumnsTest {
    private static final String DESCRIPTION_HEADER = "ImageID,Subset,OriginalURL,Author,Title,Rotation";
    private static final String BOX_HEADER = "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,"
            + "IsTruncated,IsGroupOf,IsDepiction,IsInside,XClick1X,XClick2X,XClick3X,XClick4X,XClick1Y,XClick2Y,XClick3Y,XClick4Y";
    private static final String BOX = ",xclick,/m/a,1,0.1,0.9,0.2,0.8,1,0,0,0,0";

    @TempDir
    Path temp;

    private Path dataset(String name, String thirdDescription, String secondBoxClicks) throws IOException {
        Path ann = temp.resolve(name).resolve("annotations");
        Files.createDirectories(ann);
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A");
        Fixtures.text(ann.resolve("oidv6-train-images-with-labels-with-rotation.csv"), DESCRIPTION_HEADER,
                "00a,train,https://x/a.jpg,Müller,\"a, \"\"title\"\"\r\non two lines\",0.0",
                "00b,train,https://x/b.jpg,\"Jean-François\",\"\" ,",
                thirdDescription);
        Fixtures.text(ann.resolve("oidv6-train-annotations-bbox.csv"), BOX_HEADER,
                "00a" + BOX + ",0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8",
                "00b" + BOX + secondBoxClicks,
                "00c" + BOX + ",-1,-1,-1,-1,-1,-1,-1,-1");
        // sizes, without which boxes are not decoded
        Fixtures.text(ann.resolve("images.meta"), "00a 10 20", "00b 10 20", "00c 10 20");
        return ann.getParent();
    }

    private static List<String> read(Path root, long tableItems) throws IOException {
        List<String> out = new ArrayList<>();
        try (DatasetSource source = new OpenImagesImporter(1000, tableItems).open(root, ParsedOptions.none(), new JobContext() {
            @Override
            public void warn(String message) {
            }

            @Override
            public void debug(String message) {
            }
        })) {
            for (DatasetItem item : Fixtures.items(source)) {
                out.add(item.subset() + "/" + item.id() + " " + item.annotations().size());
            }
        }
        return out;
    }

    @Test
    void quotesCommasLineBreaksAndUnicodeInSkippedColumnsAreReadPast() throws IOException {
        Path root = dataset("ok", "00c,train,\"https://x/c.jpg?a=1,b=2\",\"😀\",x\"y\"z,0.0",
                ",\"0.1\",\"0,2\",\"0.3\"\"\",é,0.5,0.6,0.7,0.8");
        for (long tableItems : new long[] {1_000_000, 0}) {
            assertEquals(List.of("train/00a 1", "train/00b 1", "train/00c 1"), read(root, tableItems), "table limit " + tableItems);
        }
    }

    @Test
    void aMalformedSkippedCellFailsWithItsFileAndLine() throws IOException {
        // line 5: the first description spans lines 2 and 3
        Path badTitle = dataset("title", "00c,train,https://x/c.jpg,someone,\"a title\" and more,0.0", ",1,1,1,1,1,1,1,1");
        Path unclosed = dataset("unclosed", "00c,train,https://x/c.jpg,someone,\"never closed,0.0", ",1,1,1,1,1,1,1,1");
        Path clicks = dataset("clicks", "00c,train,https://x/c.jpg,someone,t,0.0", ",1,1,1,1,\"1\"x,1,1,1");
        byte[] invalid = Files.readAllBytes(dataset("utf8", "00c,train,https://x/c.jpg,someone,t,0.0", ",1,1,1,1,1,1,1,ZZ")
                .resolve("annotations/oidv6-train-annotations-bbox.csv"));
        for (int i = 0; i + 1 < invalid.length; i++) {
            if (invalid[i] == 'Z' && invalid[i + 1] == 'Z') {
                invalid[i] = (byte) 0xC3;
                invalid[i + 1] = (byte) 0x28;
            }
        }
        Files.write(temp.resolve("utf8/annotations/oidv6-train-annotations-bbox.csv"), invalid);
        for (long tableItems : new long[] {1_000_000, 0}) {
            assertEquals("oidv6-train-images-with-labels-with-rotation.csv:5: malformed CSV: Invalid character between"
                    + " encapsulated token and delimiter", failure(badTitle, tableItems));
            assertEquals("oidv6-train-images-with-labels-with-rotation.csv:5: malformed CSV: EOF reached before"
                    + " encapsulated token finished", failure(unclosed, tableItems));
            assertEquals("oidv6-train-annotations-bbox.csv:3: malformed CSV: Invalid character between encapsulated"
                    + " token and delimiter", failure(clicks, tableItems));
            assertEquals("oidv6-train-annotations-bbox.csv:3: not valid UTF-8 text", failure(temp.resolve("utf8"), tableItems));
        }
    }

    private static String failure(Path root, long tableItems) {
        return assertThrows(DatasetException.class, () -> read(root, tableItems), root + ", table limit " + tableItems)
                .getMessage();
    }
}
