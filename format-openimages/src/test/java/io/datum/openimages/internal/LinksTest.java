package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.Mask;
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
    Path temp;

    private Path dataset() {
        Path root = temp.resolve("ds");
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A");
        Fixtures.text(ann.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "img1,train");
        Fixtures.text(ann.resolve("train-annotations-object-segmentation.csv"),
                "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks",
                "m.png,img1,/m/a,0,0,1,0,1,,");
        return root;
    }

    private static List<DatasetItem> read(Path root) throws IOException {
        try (DatasetSource source = Fixtures.importFrom(root)) {
            return Fixtures.items(source);
        }
    }

    private static String failure(Path root) {
        return assertThrows(DatasetException.class, () -> read(root)).getMessage();
    }

    /** A symbolic link at {@code link} to {@code target}, the folder it stands in made first. */
    private static Path link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, target);
    }

    @Test
    void anImageLinkLeadingOutIsAnErrorNamingIt() throws IOException {
        Path root = dataset();
        Path outside = Fixtures.image(temp.resolve("secret.jpg"), 4, 4, 9);
        link(root.resolve("images/train/img1.jpg"), outside);
        String message = failure(root);
        assertTrue(message.startsWith("'ds/images/train/img1.jpg' is a link to " + outside.toRealPath()
                + ", outside the dataset folder"), message);
    }

    @Test
    void aFolderLinkLeadingOutIsAnError() throws IOException {
        Path root = dataset();
        Fixtures.image(temp.resolve("elsewhere/img1.jpg"), 4, 4, 9);
        link(root.resolve("images/train"), temp.resolve("elsewhere"));
        assertTrue(failure(root).startsWith("'ds/images/train' is a link to "));
        Files.delete(root.resolve("images/train"));
        Files.delete(root.resolve("images"));
        Files.createSymbolicLink(root.resolve("images"), temp.resolve("elsewhere"));
        assertTrue(failure(root).startsWith("'ds/images' is a link to "));
    }

    @Test
    void aChainOfLinksEndingOutIsAnError() throws IOException {
        Path root = dataset();
        Path outside = Fixtures.image(temp.resolve("secret.jpg"), 4, 4, 9);
        Path hop = Files.createSymbolicLink(temp.resolve("hop.jpg"), outside);
        link(root.resolve("images/train/img1.jpg"), hop);
        assertTrue(failure(root).contains("is a link to"));
    }

    @Test
    void aRelativeLinkClimbingOutIsAnError() throws IOException {
        Path root = dataset();
        Fixtures.image(temp.resolve("secret.jpg"), 4, 4, 9);
        link(root.resolve("images/train/img1.jpg"), Path.of("../../../secret.jpg"));
        assertTrue(failure(root).contains("is a link to"));
    }

    @Test
    void linksStayingInsideAreRead() throws IOException {
        Path root = dataset();
        Fixtures.image(root.resolve("pool/img1.jpg"), 4, 4, 9);
        Fixtures.greyPng(root.resolve("pool/m.png"), 2, 2, 0, 1, 1, 0);
        link(root.resolve("images/train/img1.jpg"), Path.of("../../pool/img1.jpg"));
        link(root.resolve("masks/train/m.png"), Path.of("../../pool/m.png"));
        DatasetItem item = read(root).get(0);
        assertTrue(item.image().hasData());
        assertEquals(16, ((Mask) item.annotations().get(0)).data().pixels().length);
    }

    @Test
    void aMaskLinkLeadingOutIsAnError() throws IOException {
        Path root = dataset();
        Path outside = Fixtures.greyPng(temp.resolve("m.png"), 2, 2, 0, 1, 1, 0);
        Fixtures.image(root.resolve("images/train/img1.jpg"), 4, 4, 9);
        link(root.resolve("masks/train/m.png"), outside);
        assertTrue(failure(root).startsWith("'ds/masks/train/m.png' is a link to "));
    }

    @Test
    void anAnnotationFileLinkLeadingOutIsAnError() throws IOException {
        Path root = dataset();
        Path outside = Fixtures.text(temp.resolve("labels.csv"), "ImageID,Source,LabelName,Confidence", "img1,x,/m/a,1");
        Files.createSymbolicLink(root.resolve("annotations/train-annotations-human-imagelabels.csv"), outside);
        assertTrue(assertThrows(DatasetException.class, () -> Fixtures.importFrom(root)).getMessage()
                .startsWith("'ds/annotations/train-annotations-human-imagelabels.csv' is a link to "));
    }

    @Test
    void savedImagesAreNeverWrittenThroughALink() throws IOException {
        Path source = Fixtures.image(temp.resolve("src/x.jpg"), 4, 4, 9);
        Path victim = Files.createDirectories(temp.resolve("victim"));
        Path out = Files.createDirectories(temp.resolve("out/images"));
        Files.createSymbolicLink(out.resolve("train"), victim);
        DatasetSource dataset = Datasets.of(Categories.empty(),
                List.of(new DatasetItem("x", "train", Image.ofFile(source, null), List.of())));
        DatasetException e = assertThrows(DatasetException.class,
                () -> Fixtures.export(dataset, out.getParent(), "--save-images"));
        assertTrue(e.getMessage().contains("'images/train' in the output is a link; refusing to write through it"), e.getMessage());
        try (Stream<Path> files = Files.list(victim)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
