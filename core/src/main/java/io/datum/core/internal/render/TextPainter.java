package io.datum.core.internal.render;

import io.datum.spi.JobContext;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws the label names: with a system font when asked and when it works, else with the built-in
 * {@link BitmapFont}. A JDK without fonts (a headless server without fontconfig) fails at the
 * first text; the painter then warns once and keeps to the bitmap font, so a picture is drawn
 * either way.
 */
final class TextPainter {
    private static final Font FONT = new Font(Font.MONOSPACED, Font.PLAIN, 12);

    /** What draws with a system font; a test replaces it with one that fails as a JDK without fonts does. */
    interface SystemText {
        int[] size(BufferedImage image, String text);

        void draw(BufferedImage image, String text, int x, int y, int rgb);
    }

    static final SystemText AWT = new SystemText() {
        @Override
        public int[] size(BufferedImage image, String text) {
            Graphics2D g = image.createGraphics();
            try {
                FontMetrics m = g.getFontMetrics(FONT);
                return new int[] {m.stringWidth(text), m.getAscent() + m.getDescent()};
            } finally {
                g.dispose();
            }
        }

        @Override
        public void draw(BufferedImage image, String text, int x, int y, int rgb) {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
                g.setFont(FONT);
                g.setColor(new Color(rgb));
                g.drawString(text, x, y + g.getFontMetrics().getAscent());
            } finally {
                g.dispose();
            }
        }
    };

    private final SystemText system;
    private final JobContext context;
    private boolean bitmap;

    TextPainter(boolean bitmap, JobContext context) {
        this(bitmap, context, AWT);
    }

    TextPainter(boolean bitmap, JobContext context, SystemText system) {
        this.bitmap = bitmap;
        this.context = context;
        this.system = system;
    }

    boolean usesBitmapFont() {
        return bitmap;
    }

    /** Width and height of {@code text} as it will be drawn. */
    int[] size(BufferedImage image, String text) {
        if (!bitmap) {
            try {
                return system.size(image, text);
            } catch (RuntimeException | LinkageError | InternalError e) {
                fallBack(e);
            }
        }
        return new int[] {BitmapFont.width(text), BitmapFont.HEIGHT};
    }

    /** Draws {@code text} with its top left corner at x, y. */
    void draw(BufferedImage image, String text, int x, int y, int rgb) {
        if (!bitmap) {
            try {
                system.draw(image, text, x, y, rgb);
                return;
            } catch (RuntimeException | LinkageError | InternalError e) {
                fallBack(e);
            }
        }
        BitmapFont.draw(image, text, x, y, rgb);
    }

    private void fallBack(Throwable e) {
        bitmap = true;
        context.warn("no system font could draw text: the built-in bitmap font is used");
        context.debug("drawing text failed: " + e);
    }
}
