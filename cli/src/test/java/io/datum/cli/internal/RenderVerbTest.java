package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderVerbTest extends CommandLineFixture {
    @BeforeEach
    void writeInput() throws IOException {
        catsAndDogs();
    }

    @Test
    void rendersTheSelectedItemsOnTheDefaultCanvas() throws IOException {
        assertEquals(0, run("render", "in:fake", "-o", "pics", "-s", "test", "--max", "1", "--bitmap-font"), err);
        assertTrue(err.contains("INFO: Rendered 1 items into 1 pictures in 'pics' (1 on a blank canvas)"), err);
        assertTrue(err.contains("WARNING: items without an image size are drawn on a blank 640x480 canvas"), err);
        BufferedImage picture = ImageIO.read(dir.resolve("pics/test/b.png").toFile());
        assertEquals(640, picture.getWidth());
        assertFalse(Files.exists(dir.resolve("pics/test/c.png")));
        assertTrue(Files.exists(dir.resolve("in/items.txt")), "the input is left alone");
    }

    @Test
    void sheetsAndBadOptions() {
        assertEquals(0, run("render", "in:fake", "-o", "sheets", "--grid", "2x1", "--cell", "100x80"), err);
        assertTrue(Files.exists(dir.resolve("sheets/sheet-0002.png")));
        assertEquals(2, run("render", "in:fake", "-o", "x", "--grid", "2by2"));
        assertTrue(err.contains("argument --grid: expected two numbers of at least 1 as AxB: '2by2'"), err);
        assertEquals(2, run("render", "in:fake", "-o", "x", "--alpha", "2"));
        assertTrue(err.contains("argument --alpha: expected a number from 0 to 1: '2'"), err);
        assertEquals(2, run("render", "in:fake"));
        assertFalse(Files.exists(dir.resolve("x")), "nothing is written on a usage error");
    }

    @Test
    void aFailedRenderLeavesNoOutput() {
        assertEquals(1, run("render", "in:fake", "-o", "pics", "--max-pixels", "1000"));
        assertTrue(err.contains("exceeds the limit of 1000 pixels (--max-pixels)"), err);
        assertFalse(Files.exists(dir.resolve("pics")), "the output appears only when complete");
    }
}
