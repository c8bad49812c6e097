package io.datum.core.internal.render;

import io.datum.api.RenderRequest;
import io.datum.model.DatasetItem;
import io.datum.model.ImageSize;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * {@code datum render}: the selected items drawn one at a time, each written as soon as it is
 * drawn — a PNG per item at {@code SUBSET/ID.png}, or contact sheets of {@code columns × rows}
 * cells, each item scaled into its cell above its name, written when full. One item's picture
 * (and one sheet) is in memory at a time; a picture larger than the pixel limit is refused before
 * it is decoded or made.
 */
public final class DatasetRenderer {
    /** The canvas of an item whose size is unknown. */
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 480;
    private static final int CAPTION = 14;

    private final RenderRequest request;
    private final JobContext context;
    private final Path folder;
    private final Set<String> ids;
    private long pictures;
    private long items;
    private long blank;
    private BufferedImage sheet;
    private int cell;

    public DatasetRenderer(RenderRequest request, JobContext context, Path folder) {
        this.request = request;
        this.context = context;
        this.folder = folder;
        this.ids = new HashSet<>(request.ids());
    }

    /** Renders; returns pictures written, items drawn and items drawn on a blank canvas. */
    public long[] render(DatasetSource source) throws IOException {
        TextPainter text = new TextPainter(request.bitmapFont(), context);
        AnnotationPainter painter = new AnnotationPainter(source.categories().labels(), text, request.alpha());
        try (ItemCursor cursor = source.items()) {
            while (cursor.hasNext() && (request.max() < 0 || items < request.max())) {
                DatasetItem item = cursor.next();
                if ((request.subset() != null && !request.subset().equals(item.subset()))
                        || (!ids.isEmpty() && !ids.contains(item.id()))) {
                    continue;
                }
                BufferedImage picture = canvas(item);
                painter.paint(picture, item.annotations());
                items++;
                if (request.columns() == 0) {
                    write(picture, itemFile(item));
                } else {
                    place(picture, item.subset() + "/" + item.id(), text);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (sheet != null) {
            writeSheet();
        }
        return new long[] {pictures, items, blank};
    }

    /** The item's image as RGB, or a blank canvas of its size (or the default size, said once). */
    private BufferedImage canvas(DatasetItem item) {
        ImageSize size = item.image() == null ? null : item.image().size().orElse(null);
        if (size != null) {
            check(item, (long) size.width() * size.height());
        }
        if (item.image() != null && item.image().hasData() && size != null) {
            try {
                BufferedImage decoded = item.image().read();
                check(item, (long) decoded.getWidth() * decoded.getHeight());
                BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                try {
                    g.drawImage(decoded, 0, 0, null);
                } finally {
                    g.dispose();
                }
                return rgb;
            } catch (UncheckedIOException | IllegalStateException e) {
                context.warn("images that cannot be decoded are drawn as a blank canvas");
                context.debug("item " + item.id() + " (" + item.subset() + "): " + e.getMessage());
            }
        }
        blank++;
        if (size == null) {
            check(item, (long) DEFAULT_WIDTH * DEFAULT_HEIGHT);
            context.warn("items without an image size are drawn on a blank " + DEFAULT_WIDTH + "x" + DEFAULT_HEIGHT
                    + " canvas");
            return new BufferedImage(DEFAULT_WIDTH, DEFAULT_HEIGHT, BufferedImage.TYPE_INT_RGB);
        }
        return new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
    }

    private void check(DatasetItem item, long pixels) {
        if (pixels > request.maxPixels()) {
            throw new DatasetException("item '" + item.id() + "' (subset '" + item.subset() + "'): a picture of "
                    + pixels + " pixels exceeds the limit of " + request.maxPixels() + " pixels (--max-pixels)");
        }
    }

    /**
     * {@code SUBSET/ID.png}; an id's folders are kept, but a part that would leave the folder
     * ({@code ..}, {@code .}, empty) or has a separator of another system is made harmless.
     */
    private Path itemFile(DatasetItem item) {
        Path p = folder.resolve(safe(item.subset()));
        String[] parts = item.id().split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            p = p.resolve(i == parts.length - 1 ? safe(parts[i]) + ".png" : safe(parts[i]));
        }
        return p;
    }

    private static String safe(String part) {
        String s = part.replace('\\', '_').replace(':', '_').replace('\0', '_');
        return s.isEmpty() || s.equals(".") || s.equals("..") ? s.replace('.', '_') + "_" : s;
    }

    private void write(BufferedImage picture, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(picture, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        pictures++;
    }

    /** Puts the picture, scaled to fit, into the next cell of the sheet; a full sheet is written. */
    private void place(BufferedImage picture, String name, TextPainter text) throws IOException {
        int cw = request.cellWidth();
        int ch = request.cellHeight();
        if (sheet == null) {
            sheet = new BufferedImage(cw * request.columns(), ch * request.rows(), BufferedImage.TYPE_INT_RGB);
            cell = 0;
        }
        int x0 = (cell % request.columns()) * cw;
        int y0 = (cell / request.columns()) * ch;
        double scale = Math.min((double) (cw - 4) / picture.getWidth(), (double) (ch - CAPTION - 4) / picture.getHeight());
        int w = Math.max(1, (int) (picture.getWidth() * scale));
        int h = Math.max(1, (int) (picture.getHeight() * scale));
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(picture, x0 + (cw - w) / 2, y0 + 2, w, h, null);
        } finally {
            g.dispose();
        }
        String caption = name;
        while (caption.length() > 1 && text.size(sheet, caption)[0] > cw - 4) {
            caption = caption.substring(0, caption.length() - 1);
        }
        text.draw(sheet, caption, x0 + 2, y0 + ch - CAPTION, 0xFFFFFF);
        cell++;
        if (cell == request.columns() * request.rows()) {
            writeSheet();
        }
    }

    private void writeSheet() throws IOException {
        write(sheet, folder.resolve(String.format("sheet-%04d.png", pictures + 1)));
        sheet = null;
    }
}
