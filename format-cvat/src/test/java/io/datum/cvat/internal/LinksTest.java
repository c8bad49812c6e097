package io.datum.cvat.internal;

import static io.datum.cvat.internal.CvatTestSupport.export;
import static io.datum.cvat.internal.CvatTestSupport.load;
import static io.datum.cvat.internal.CvatTestSupport.task;
import static io.datum.cvat.internal.CvatTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.detect.CvatDetector;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links inside a dataset are read only when they stay inside it; output is never written through one. */
class LinksTest {
    @TempDir
    Path dir;

    private Path dataset(String imageName) {
        return write(dir, "data/annotations.xml", task("<image id=\"0\" name=\"" + imageName + "\" width=\"2\" height=\"2\"/>"))
                .getParent();
    }

    /** A symbolic link at {@code link} to {@code target}, the folder it stands in made first. */
    private static Path link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, target);
    }

    @Test
    void anImageLinkLeadingOutIsAnErrorNamingIt() throws IOException {
        Path data = dataset("x.jpg");
        Path secret = write(dir, "secret.txt", "TOP-SECRET");
        link(data.resolve("images/x.jpg"), secret);
        DatasetException e = assertThrows(DatasetException.class, () -> load(data));
        assertTrue(e.getMessage().startsWith("annotations.xml: image 'x.jpg': 'data/images/x.jpg' is a link to "),
                e.getMessage());
    }

    @Test
    void aFolderLinkLeadingOutIsAnError() throws IOException {
        Path data = dataset("train/x.jpg");
        CvatTestSupport.image(dir, "elsewhere/x.jpg", 2, 2);
        link(data.resolve("images/train"), dir.resolve("elsewhere"));
        assertThrows(DatasetException.class, () -> load(data));
    }

    @Test
    void aRelativeLinkClimbingOutIsAnError() throws IOException {
        Path data = dataset("x.jpg");
        CvatTestSupport.image(dir, "x.jpg", 2, 2);
        link(data.resolve("images/x.jpg"), Path.of("../../x.jpg"));
        assertThrows(DatasetException.class, () -> load(data));
    }

    @Test
    void aLinkStayingInsideIsRead() throws IOException {
        Path data = dataset("x.jpg");
        CvatTestSupport.image(data, "images/real.jpg", 2, 2);
        Files.createSymbolicLink(data.resolve("images/x.jpg"), Path.of("real.jpg"));
        DatasetItem item = load(data).items().get(0);
        assertTrue(item.image().hasData());
    }

    @Test
    void anXmlLinkLeadingOutIsNeitherReadNorDetected() throws IOException {
        Path other = write(dir, "other/task.xml", task(""));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createSymbolicLink(data.resolve("annotations.xml"), other);
        assertThrows(DatasetException.class, () -> load(data));
        assertFalse(new CvatDetector().detect(data).matched());
    }

    @Test
    void savedImagesAreNeverWrittenThroughALink() throws IOException {
        Path source = CvatTestSupport.image(dir, "src/x.png", 2, 2);
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("images"), victim);
        DatasetSource dataset = Datasets.of(Categories.empty(),
                List.of(new DatasetItem("x", "default", Image.ofFile(source, null), List.of())));
        DatasetException e = assertThrows(DatasetException.class, () -> export(dataset, out, "--save-media"));
        assertTrue(e.getMessage().contains("is a link; refusing to write through it"), e.getMessage());
        try (Stream<Path> files = Files.list(victim)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
