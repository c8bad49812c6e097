package io.datum.core.internal.render;

import io.datum.model.Annotation;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Ellipse;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws an item's annotations on its picture, always the same way so that the same input gives
 * the same pixels: masks first, blended into the picture with the given opacity, then the outlines
 * of boxes, polygons, polylines, ellipses and points two pixels wide without anti-aliasing, then
 * the names — each shape's label at its top left corner, the item's labels and captions in a list
 * at the picture's top left. A label's colour follows from its index; an annotation without label
 * is white. A label is named by its display name when the category has one.
 */
final class AnnotationPainter {
    static final int UNLABELLED = 0xFFFFFF;
    private static final int TEXT = 0x000000;
    private static final int PAD = 2;

    private final LabelCategories labels;
    private final TextPainter text;
    private final double alpha;

    AnnotationPainter(LabelCategories labels, TextPainter text, double alpha) {
        this.labels = labels;
        this.text = text;
        this.alpha = alpha;
    }

    /** The colour of a label index: hues a golden angle apart, bright and saturated. */
    static int colour(Integer label) {
        if (label == null || label < 0) {
            return UNLABELLED;
        }
        float hue = (float) ((label * 0.6180339887498949) % 1.0);
        return Color.HSBtoRGB(hue, 0.85f, 0.95f) & 0xFFFFFF;
    }

    /** The label's name as a person reads it: its display name when it has one. */
    String name(Integer label) {
        if (label == null || label < 0 || label >= labels.size()) {
            return label == null ? null : String.valueOf(label);
        }
        LabelCategory c = labels.get(label);
        return c.displayName() != null && !c.displayName().isEmpty() ? c.displayName() : c.name();
    }

    void paint(BufferedImage image, List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a instanceof Mask m) {
                blend(image, m);
            }
        }
        Graphics2D g = image.createGraphics();
        List<Object[]> names = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setStroke(new BasicStroke(2f));
            for (Annotation a : annotations) {
                g.setColor(new Color(colour(a.label())));
                double[] corner = outline(g, a);
                String name = a instanceof Caption c ? null : name(a.label());
                if (corner != null && name != null) {
                    names.add(new Object[] {name, corner, colour(a.label())});
                } else if (a instanceof Label && name != null) {
                    lines.add(name);
                } else if (a instanceof Caption c) {
                    lines.add(c.caption());
                }
            }
        } finally {
            g.dispose();
        }
        for (Object[] n : names) {
            double[] corner = (double[]) n[1];
            tag(image, (String) n[0], (int) Math.floor(corner[0]), (int) Math.floor(corner[1]), (int) n[2], true);
        }
        int y = 0;
        for (String line : lines) {
            y += tag(image, line, 0, y, 0xFFFFFF, false);
        }
    }

    /** Draws a shape's outline; returns its top left corner, or null for what has no shape. */
    private static double[] outline(Graphics2D g, Annotation a) {
        if (a instanceof Bbox b) {
            int x = (int) Math.round(b.x1());
            int y = (int) Math.round(b.y1());
            g.drawRect(x, y, (int) Math.round(b.x2()) - x, (int) Math.round(b.y2()) - y);
            return new double[] {b.x1(), b.y1()};
        }
        if (a instanceof Polygon p) {
            int[][] xy = ints(p.points().toArray());
            g.drawPolygon(xy[0], xy[1], xy[0].length);
            return topLeft(p.points().toArray());
        }
        if (a instanceof PolyLine p) {
            int[][] xy = ints(p.points().toArray());
            g.drawPolyline(xy[0], xy[1], xy[0].length);
            return topLeft(p.points().toArray());
        }
        if (a instanceof Points p) {
            double[] xy = p.points().toArray();
            for (int i = 0; i + 1 < xy.length; i += 2) {
                g.fillRect((int) Math.round(xy[i]) - 2, (int) Math.round(xy[i + 1]) - 2, 5, 5);
            }
            return topLeft(xy);
        }
        if (a instanceof Ellipse e) {
            int x = (int) Math.round(Math.min(e.x1(), e.x2()));
            int y = (int) Math.round(Math.min(e.y1(), e.y2()));
            g.drawOval(x, y, (int) Math.round(Math.abs(e.x2() - e.x1())), (int) Math.round(Math.abs(e.y2() - e.y1())));
            return new double[] {x, y};
        }
        if (a instanceof Mask m) {
            int[] box = maskTopLeft(m);
            return box == null ? null : new double[] {box[0], box[1]};
        }
        return null;
    }

    private static int[][] ints(double[] xy) {
        int n = xy.length / 2;
        int[][] out = new int[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = (int) Math.round(xy[2 * i]);
            out[1][i] = (int) Math.round(xy[2 * i + 1]);
        }
        return out;
    }

    private static double[] topLeft(double[] xy) {
        if (xy.length < 2) {
            return null;
        }
        double x = Double.POSITIVE_INFINITY;
        double y = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            x = Math.min(x, xy[i]);
            y = Math.min(y, xy[i + 1]);
        }
        return new double[] {x, y};
    }

    /** The first set pixel's column minimum and row: where the mask's name goes. */
    private static int[] maskTopLeft(Mask m) {
        int[] corner = {Integer.MAX_VALUE, -1};
        m.data().forEachRow((row, y) -> {
            for (int x = 0; x < row.length; x++) {
                if (row[x] != 0) {
                    corner[0] = Math.min(corner[0], x);
                    if (corner[1] < 0) {
                        corner[1] = y;
                    }
                }
            }
        });
        return corner[1] < 0 ? null : corner;
    }

    /** Mixes the label's colour into the set pixels, a row at a time, in integer arithmetic. */
    private void blend(BufferedImage image, Mask m) {
        int rgb = colour(m.label());
        int a = (int) Math.round(alpha * 256);
        int w = Math.min(image.getWidth(), m.data().width());
        int[] line = new int[Math.max(1, w)];
        m.data().forEachRow((row, y) -> {
            if (y >= image.getHeight() || w == 0) {
                return;
            }
            image.getRGB(0, y, w, 1, line, 0, w);
            for (int x = 0; x < w; x++) {
                if (row[x] != 0) {
                    line[x] = mix(line[x], rgb, a);
                }
            }
            image.setRGB(0, y, w, 1, line, 0, w);
        });
    }

    static int mix(int under, int over, int a256) {
        int r = (((under >> 16) & 0xFF) * (256 - a256) + ((over >> 16) & 0xFF) * a256) >> 8;
        int g = (((under >> 8) & 0xFF) * (256 - a256) + ((over >> 8) & 0xFF) * a256) >> 8;
        int b = ((under & 0xFF) * (256 - a256) + (over & 0xFF) * a256) >> 8;
        return (r << 16) | (g << 8) | b;
    }

    /**
     * A name on a box of the given colour with its top left at x, y, or (when {@code above} and
     * there is room) just above that corner; kept inside the picture. Returns the box's height.
     */
    private int tag(BufferedImage image, String name, int x, int y, int background, boolean above) {
        int[] size = text.size(image, name);
        int w = size[0] + 2 * PAD;
        int h = size[1] + 2 * PAD;
        int left = Math.max(0, Math.min(x, image.getWidth() - w));
        int top = Math.max(0, Math.min(above && y - h >= 0 ? y - h : y, image.getHeight() - h));
        for (int py = top; py < Math.min(image.getHeight(), top + h); py++) {
            for (int px = left; px < Math.min(image.getWidth(), left + w); px++) {
                image.setRGB(px, py, background);
            }
        }
        text.draw(image, name, left + PAD, top + PAD, TEXT);
        return h;
    }
}
