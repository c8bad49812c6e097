package io.datum.cvat.internal;

import io.datum.model.AbstractMaskData;
import io.datum.model.MaskData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * A CVAT mask: run-length counts over a box of the image, row-major, alternating runs of unset
 * and set pixels starting with unset. The pixels are produced only when asked for; the counts
 * were checked against the box and the box against the image when read.
 */
public final class RleMask extends AbstractMaskData {
    private final int left;
    private final int top;
    private final int boxWidth;
    private final int boxHeight;
    private final int[] counts;

    public RleMask(int width, int height, int left, int top, int boxWidth, int boxHeight, int[] counts) {
        super(width, height);
        this.left = left;
        this.top = top;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        this.counts = counts;
    }

    /** Receives the run lengths of a mask as each run ends. */
    @FunctionalInterface
    public interface RunSink {
        void run(long length) throws IOException;
    }

    /** A full-frame mask of {@code data}'s pixels, as {@link #runs} gives them. */
    public static RleMask of(MaskData data) throws IOException {
        int[][] runs = {new int[16]};
        int[] n = {0};
        runs(data, length -> {
            if (n[0] == runs[0].length) {
                runs[0] = Arrays.copyOf(runs[0], n[0] * 2);
            }
            runs[0][n[0]++] = Math.toIntExact(length);
        });
        return new RleMask(data.width(), data.height(), 0, 0, data.width(), data.height(), Arrays.copyOf(runs[0], n[0]));
    }

    /**
     * Run lengths over the whole frame of {@code data}, row-major, starting with a run of unset
     * pixels (0 when the first is set), given to {@code sink} as each run ends. The pixels are
     * taken a row at a time ({@link MaskData#forEachRow}), never all at once.
     */
    public static void runs(MaskData data, RunSink sink) throws IOException {
        RunCounter counter = new RunCounter(sink);
        try {
            data.forEachRow(counter);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sink.run(counter.run);
    }

    /** Counts runs across rows; a run may span any number of them. */
    private static final class RunCounter implements ObjIntConsumer<byte[]> {
        private final RunSink sink;
        private boolean set;
        private long run;

        RunCounter(RunSink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(byte[] row, int y) {
            try {
                for (byte p : row) {
                    if ((p != 0) != set) {
                        sink.run(run);
                        set = !set;
                        run = 0;
                    }
                    run++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public int left() {
        return left;
    }

    public int top() {
        return top;
    }

    public int boxWidth() {
        return boxWidth;
    }

    public int boxHeight() {
        return boxHeight;
    }

    public int[] counts() {
        return counts.clone();
    }

    /** The rows made from the counts one at a time: the box's rows take the runs in order. */
    @Override
    public void forEachRow(ObjIntConsumer<byte[]> rows) {
        byte[] row = new byte[width()];
        int run = 0;
        long remaining = counts.length > 0 ? counts[0] : 0;
        for (int y = 0, height = height(); y < height; y++) {
            Arrays.fill(row, (byte) 0);
            if (y >= top && y < top + boxHeight) {
                int x = 0;
                while (x < boxWidth) {
                    while (remaining == 0 && run + 1 < counts.length) {
                        remaining = counts[++run];
                    }
                    if (remaining == 0) {
                        break; // no counts left: the rest of the box is unset
                    }
                    int length = (int) Math.min(remaining, boxWidth - x);
                    if (run % 2 == 1) {
                        Arrays.fill(row, left + x, left + x + length, (byte) 1);
                    }
                    x += length;
                    remaining -= length;
                }
            }
            rows.accept(row, y);
        }
    }

    @Override
    public String toString() {
        return "RleMask[" + width() + "x" + height() + ", box " + left + "," + top + " " + boxWidth + "x" + boxHeight + "]";
    }
}
