package io.datum.core.internal.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.RenderRequest;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetException;
import io.datum.spi.Datasets;
import io.datum.spi.JobContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRendererTest {
    @TempDir
    Path dir;

    private static final LabelCategories LABELS = new LabelCategories(List.of(
            new LabelCategory("/m/0bt9lr").withDisplayName("Dog"), new LabelCategory("cat")), List.of());

    private static RenderRequest request(Path out, int columns, int rows, String subset, List<String> ids, long max) {
        return new RenderRequest(out, false, null, subset, ids, max, columns, rows, 64, 48, 0.5, 1_000_000, true);
    }

    private long[] render(RenderRequest r, DatasetItem... items) throws Exception {
        Files.createDirectories(r.dir());
        return new DatasetRenderer(r, JobContext.collecting(), r.dir())
                .render(Datasets.of(new Categories(LABELS), List.of(items)));
    }

    /** A 100x80 item without image file: a box of label 0, a mask of label 1, a polygon without label. */
    private static DatasetItem drawn(String id) {
        byte[] pixels = new byte[100 * 80];
        for (int y = 60; y < 70; y++) {
            for (int x = 70; x < 90; x++) {
                pixels[y * 100 + x] = 1;
            }
        }
        List<Annotation> annotations = List.of(
                new Bbox(0, 10, 20, 60, 50, 1, 0, 0, Attributes.empty(), null),
                new Mask(1, MaskData.of(100, 80, pixels), 2, 0, 0, Attributes.empty()),
                new Polygon(null, Coords.of(5, 70, 40, 70, 40, 78), 3, 0, 0, Attributes.empty()),
                new PolyLine(1, Coords.of(70, 5, 95, 5), 4, 0, 0, Attributes.empty()),
                new Points(0, Coords.of(80, 40), 5, 0, 0, Attributes.empty()),
                new Ellipse(1, 65, 20, 95, 30, 6, 0, 0, Attributes.empty()));
        return new DatasetItem(id, "train", Image.withoutFile(".jpg", new ImageSize(100, 80)), annotations);
    }

    @Test
    void drawsEachKindOfShapeWhereItIsOnABlankCanvasOfTheItemsSize() throws Exception {
        Path out = dir.resolve("out");
        assertArrayEquals(new long[] {1, 1, 1}, render(request(out, 0, 0, null, List.of(), -1), drawn("a")));
        BufferedImage p = ImageIO.read(out.resolve("train/a.png").toFile());
        assertEquals(100, p.getWidth());
        assertEquals(80, p.getHeight());
        int dog = AnnotationPainter.colour(0);
        int cat = AnnotationPainter.colour(1);
        assertNotEquals(dog, cat);
        assertEquals(dog, p.getRGB(60, 35) & 0xFFFFFF, "the box's right edge");
        assertEquals(dog, p.getRGB(35, 50) & 0xFFFFFF, "the box's bottom edge");
        assertEquals(0, p.getRGB(35, 35) & 0xFFFFFF, "inside the box: the blank canvas");
        assertEquals(AnnotationPainter.mix(0, cat, 128), p.getRGB(80, 65) & 0xFFFFFF, "the mask, half opaque");
        assertEquals(0, p.getRGB(92, 65) & 0xFFFFFF, "beside the mask");
        assertEquals(AnnotationPainter.UNLABELLED, p.getRGB(25, 70) & 0xFFFFFF, "the polygon without label: white");
        assertEquals(cat, p.getRGB(85, 5) & 0xFFFFFF, "the polyline");
        assertEquals(dog, p.getRGB(80, 40) & 0xFFFFFF, "the point");
        assertEquals(cat, p.getRGB(65, 25) & 0xFFFFFF, "the ellipse's left end");
        boolean tagged = false;
        for (int x = 10; x < 40; x++) {
            tagged |= (p.getRGB(x, 15) & 0xFFFFFF) == dog;
        }
        assertTrue(tagged, "the box's name on a tag of its colour above its corner");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws Exception {
        render(request(dir.resolve("one"), 0, 0, null, List.of(), -1), drawn("a"));
        render(request(dir.resolve("two"), 0, 0, null, List.of(), -1), drawn("a"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/train/a.png")), Files.readAllBytes(dir.resolve("two/train/a.png")));
    }

    @Test
    void drawsOnTheImageWhenItsFileExists() throws Exception {
        BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                grey.setRGB(x, y, 0x808080);
            }
        }
        Path file = dir.resolve("img.png");
        ImageIO.write(grey, "png", file.toFile());
        DatasetItem item = new DatasetItem("x/y", "val", Image.ofFile(file, null),
                List.of(new Bbox(1, 2, 20, 12, 28, 1, 0, 0, Attributes.empty(), null)));
        Path out = dir.resolve("out");
        assertArrayEquals(new long[] {1, 1, 0}, render(request(out, 0, 0, null, List.of(), -1), item));
        BufferedImage p = ImageIO.read(out.resolve("val/x/y.png").toFile());
        assertEquals(0x808080, p.getRGB(35, 5) & 0xFFFFFF);
        assertEquals(AnnotationPainter.colour(1), p.getRGB(12, 24) & 0xFFFFFF);
    }

    @Test
    void anItemOfUnknownSizeIsDrawnOnTheDefaultCanvasAndSaysSo() throws Exception {
        CollectingJobContext context = JobContext.collecting();
        RenderRequest r = request(dir, 0, 0, null, List.of(), -1);
        new DatasetRenderer(r, context, dir).render(Datasets.of(new Categories(LABELS),
                List.of(new DatasetItem("u", "train", null, List.of()))));
        BufferedImage p = ImageIO.read(dir.resolve("train/u.png").toFile());
        assertEquals(DatasetRenderer.DEFAULT_WIDTH, p.getWidth());
        assertTrue(context.warnings().keySet().stream().anyMatch(w -> w.contains("640x480")), context.warnings().toString());
    }

    @Test
    void sheetsHoldColumnsTimesRowsItemsAndSelectionLimitsThem() throws Exception {
        List<DatasetItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(drawn("i" + i));
        }
        Path out = dir.resolve("sheets");
        assertArrayEquals(new long[] {2, 3, 3}, render(request(out, 2, 1, null, List.of(), 3),
                items.toArray(new DatasetItem[0])));
        BufferedImage sheet = ImageIO.read(out.resolve("sheet-0001.png").toFile());
        assertEquals(128, sheet.getWidth());
        assertEquals(48, sheet.getHeight());
        assertTrue(Files.exists(out.resolve("sheet-0002.png")));
        assertFalse(Files.exists(out.resolve("sheet-0003.png")));
        Path some = dir.resolve("some");
        assertArrayEquals(new long[] {2, 2, 2}, render(request(some, 0, 0, "train", List.of("i1", "i4"), -1),
                items.toArray(new DatasetItem[0])));
        assertTrue(Files.exists(some.resolve("train/i4.png")));
    }

    @Test
    void aPictureOverThePixelLimitIsRefusedNamingTheItem() {
        DatasetItem huge = new DatasetItem("big", "train", Image.withoutFile(".jpg", new ImageSize(5000, 5000)),
                List.of());
        DatasetException e = assertThrows(DatasetException.class,
                () -> render(request(dir.resolve("out"), 0, 0, null, List.of(), -1), huge));
        assertTrue(e.getMessage().contains("item 'big' (subset 'train'): a picture of 25000000 pixels exceeds the "
                + "limit of 1000000 pixels"), e.getMessage());
    }

    @Test
    void labelsAreNamedByDisplayName() {
        AnnotationPainter painter = new AnnotationPainter(LABELS, new TextPainter(true, JobContext.collecting()), 0.5);
        assertEquals("Dog", painter.name(0));
        assertEquals("cat", painter.name(1));
        assertEquals("7", painter.name(7));
    }

    @Test
    void textFallsBackToTheBitmapFontWhenNoSystemFontWorks() {
        CollectingJobContext context = JobContext.collecting();
        TextPainter.SystemText broken = new TextPainter.SystemText() {
            @Override
            public int[] size(BufferedImage image, String text) {
                throw new InternalError("Fontconfig head is null, check your fonts or fonts configuration");
            }

            @Override
            public void draw(BufferedImage image, String text, int x, int y, int rgb) {
                throw new InternalError("Fontconfig head is null, check your fonts or fonts configuration");
            }
        };
        TextPainter text = new TextPainter(false, context, broken);
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        assertArrayEquals(new int[] {BitmapFont.width("I"), BitmapFont.HEIGHT}, text.size(image, "I"));
        text.draw(image, "I", 0, 0, 0xFFFFFF);
        assertTrue(text.usesBitmapFont());
        // the I's top bar: three glyph pixels of two by two
        assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(5, 1) & 0xFFFFFF);
        assertEquals(0, image.getRGB(0, 2) & 0xFFFFFF, "below the bar, left of the stem");
        assertEquals(0xFFFFFF, image.getRGB(2, 4) & 0xFFFFFF, "the stem");
        assertEquals(1, context.warnings().size());
    }
}
