package io.datum.cvat.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.model.MaskData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Run lengths made and read a row at a time give what whole arrays gave. */
class RleMaskTest {
    @Test
    void rowsOfABoxedMaskArePaintedFromItsRuns() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            int width = 1 + random.nextInt(12);
            int height = 1 + random.nextInt(12);
            int boxWidth = random.nextInt(width + 1);
            int boxHeight = random.nextInt(height + 1);
            int left = random.nextInt(width - boxWidth + 1);
            int top = random.nextInt(height - boxHeight + 1);
            byte[] box = randomPixels(random, boxWidth * boxHeight);
            byte[] expected = new byte[width * height];
            for (int y = 0; y < boxHeight; y++) {
                for (int x = 0; x < boxWidth; x++) {
                    expected[(top + y) * width + left + x] = (byte) (box[y * boxWidth + x] != 0 ? 1 : 0);
                }
            }
            RleMask mask = new RleMask(width, height, left, top, boxWidth, boxHeight, runsOf(box));
            assertArrayEquals(expected, mask.pixels(), mask.toString());
        }
    }

    @Test
    void runsOfAnyMaskAreItsPixelsRowMajorStartingUnset() throws IOException {
        Random random = new Random(6);
        for (int round = 0; round < 200; round++) {
            int width = 1 + random.nextInt(12);
            int height = 1 + random.nextInt(12);
            byte[] pixels = randomPixels(random, width * height);
            MaskData data = MaskData.of(width, height, pixels);
            List<Long> runs = new ArrayList<>();
            RleMask.runs(data, runs::add);
            assertEquals(toList(runsOf(pixels)), runs);
            RleMask rle = RleMask.of(data);
            assertArrayEquals(runsOf(pixels), rle.counts());
            byte[] normalized = new byte[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                normalized[i] = (byte) (pixels[i] != 0 ? 1 : 0);
            }
            assertArrayEquals(normalized, rle.pixels());
        }
    }

    private static byte[] randomPixels(Random random, int n) {
        byte[] pixels = new byte[n];
        boolean set = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(4) == 0) {
                set = !set;
            }
            pixels[i] = (byte) (set ? 1 + random.nextInt(3) : 0);
        }
        return pixels;
    }

    /** The canonical counts, made the plain way. */
    private static int[] runsOf(byte[] pixels) {
        List<Integer> runs = new ArrayList<>();
        boolean set = false;
        int run = 0;
        for (byte p : pixels) {
            if ((p != 0) != set) {
                runs.add(run);
                set = !set;
                run = 0;
            }
            run++;
        }
        runs.add(run);
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Long> toList(int[] counts) {
        List<Long> list = new ArrayList<>();
        for (int c : counts) {
            list.add((long) c);
        }
        return list;
    }
}
