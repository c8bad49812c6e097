package io.datum.core.internal.transforms;

import io.datum.model.Annotation;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Mask;
import io.datum.model.Polygon;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code masks_to_polygons}: every mask becomes one polygon per connected part (pixels joined by
 * an edge), the part's outer outline with the mask's label, id, group, z-order and attributes, in
 * the mask's place among the annotations. The outline runs along the pixel edges, so that
 * {@code polygons_to_masks} (a pixel is set when its centre is inside) gives back exactly the
 * part's pixels, its holes filled. A part whose pixels all lie in one row or one column is dropped:
 * an outline through its pixel centres encloses nothing, which is the size below which the
 * reference drops a contour. A mask left without any part is dropped, with a debug line naming the
 * item. Only one mask's pixels are held at a time.
 */
@Component
@TransformName(name = MasksToPolygons.NAME, description = "Replaces masks by polygons of their outer outlines")
public class MasksToPolygons implements DatasetTransform {
    public static final String NAME = "masks_to_polygons";

    /** The four directions of a walk on the pixel grid (y grows downwards), clockwise from east. */
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    /** Pixel states while the parts of a mask are found. */
    private static final byte UNSEEN = 1;
    private static final byte CURRENT = 2;
    private static final byte DONE = 3;

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME).description("Converts instance masks to polygons of their outer outlines "
                + "(one per connected part; parts one pixel thin are dropped).");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        return ItemStage.mapping(source, item -> polygonal(item, context), ItemStage.Counts.SAME);
    }

    private static DatasetItem polygonal(DatasetItem item, JobContext context) {
        if (item.annotations().stream().noneMatch(a -> a instanceof Mask)) {
            return item;
        }
        List<Annotation> annotations = new ArrayList<>(item.annotations().size());
        for (Annotation a : item.annotations()) {
            if (!(a instanceof Mask m)) {
                annotations.add(a);
                continue;
            }
            List<Coords> outlines = outlines(m.data().width(), m.data().height(), m.data().pixels());
            if (outlines.isEmpty() && context.debugEnabled()) {
                context.debug("[" + NAME + "]: item '" + item.id() + "' (subset '" + item.subset() + "'): a mask "
                        + "gave only parts too small for polygons, which were dropped");
            }
            for (Coords outline : outlines) {
                annotations.add(new Polygon(m.label(), outline, m.id(), m.group(), m.zOrder(), m.attributes()));
            }
        }
        return item.withAnnotations(annotations);
    }

    /**
     * The outer outlines of the connected parts of a {@code width} x {@code height} mask (non-zero
     * is set), in the order of each part's first pixel row by row; {@code pixels} is used as work
     * space. Each outline starts at the top-left corner of its part's first pixel and runs
     * clockwise, one vertex per corner.
     */
    static List<Coords> outlines(int width, int height, byte[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = pixels[i] != 0 ? UNSEEN : 0;
        }
        List<Coords> outlines = new ArrayList<>();
        for (int start = 0; start < pixels.length; start++) {
            if (pixels[start] != UNSEEN) {
                continue;
            }
            int[] extent = mark(pixels, width, height, start, UNSEEN, CURRENT);
            if (extent[0] != extent[1] && extent[2] != extent[3]) {
                outlines.add(trace(pixels, width, height, start % width, start / width));
            }
            mark(pixels, width, height, start, CURRENT, DONE);
        }
        return outlines;
    }

    /**
     * Changes the part of {@code from} pixels joined by edges to {@code start} into {@code to};
     * returns its extent {min x, max x, min y, max y}.
     */
    private static int[] mark(byte[] pixels, int width, int height, int start, byte from, byte to) {
        int[] stack = new int[64];
        int[] extent = {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
        int size = 0;
        stack[size++] = start;
        pixels[start] = to;
        while (size > 0) {
            int p = stack[--size];
            int x = p % width;
            int y = p / width;
            extent[0] = Math.min(extent[0], x);
            extent[1] = Math.max(extent[1], x);
            extent[2] = Math.min(extent[2], y);
            extent[3] = Math.max(extent[3], y);
            for (int d = 0; d < 4; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (nx >= 0 && ny >= 0 && nx < width && ny < height && pixels[ny * width + nx] == from) {
                    pixels[ny * width + nx] = to;
                    if (size == stack.length) {
                        stack = Arrays.copyOf(stack, stack.length * 2);
                    }
                    stack[size++] = ny * width + nx;
                }
            }
        }
        return extent;
    }

    /**
     * Walks the outer edge of the {@code CURRENT} part from the top-left corner of its first pixel
     * {@code (x0, y0)} with the part on the right: at each grid corner the walk turns left when the
     * pixel ahead on the left is in the part, goes on when only the one ahead on the right is, and
     * turns right otherwise (two pixels touching only at a corner are not joined). The walk ends
     * back at its first corner, which it passes only once: no pixel of the part lies above or to
     * the left of the part's first pixel.
     */
    private static Coords trace(byte[] pixels, int width, int height, int x0, int y0) {
        List<Double> vertices = new ArrayList<>();
        int x = x0;
        int y = y0;
        int dir = 0;
        do {
            int left = (dir + 3) % 4;
            int right = (dir + 1) % 4;
            boolean aheadLeft = inPart(pixels, width, height, x + Math.floorDiv(DX[dir] + DX[left], 2),
                    y + Math.floorDiv(DY[dir] + DY[left], 2));
            boolean aheadRight = inPart(pixels, width, height, x + Math.floorDiv(DX[dir] + DX[right], 2),
                    y + Math.floorDiv(DY[dir] + DY[right], 2));
            int next = aheadLeft && aheadRight ? left : aheadRight ? dir : right;
            if (next != dir || vertices.isEmpty()) {
                vertices.add((double) x);
                vertices.add((double) y);
            }
            dir = next;
            x += DX[dir];
            y += DY[dir];
        } while (x != x0 || y != y0);
        double[] flat = new double[vertices.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = vertices.get(i);
        }
        return Coords.of(flat);
    }

    private static boolean inPart(byte[] pixels, int width, int height, int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && pixels[y * width + x] == CURRENT;
    }
}
