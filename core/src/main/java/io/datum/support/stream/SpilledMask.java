package io.datum.support.stream;

import io.datum.model.AbstractMaskData;
import io.datum.model.MaskData;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * A mask as runs of equal pixel values over the whole frame, row-major; a run may span rows. It
 * is what a spilled mask is read back as: it holds its runs, not its frame, and makes each row
 * from them when asked, so a sparse mask as large as the pixel limit allows costs a few bytes.
 */
final class SpilledMask extends AbstractMaskData {
    private final byte[] values;
    private final int[] lengths;
    private final int runs;

    private SpilledMask(int width, int height, byte[] values, int[] lengths, int runs) {
        super(width, height);
        this.values = values;
        this.lengths = lengths;
        this.runs = runs;
    }

    /** The runs of {@code data}, counted from its rows one at a time. */
    static SpilledMask of(MaskData data) {
        if (data instanceof SpilledMask spilled) {
            return spilled;
        }
        RunCounter counter = new RunCounter();
        data.forEachRow(counter);
        return counter.mask(data.width(), data.height());
    }

    /** Reads what {@link #writeRuns} wrote, checking the runs cover exactly {@code width*height} pixels. */
    static SpilledMask readRuns(DataInput in, int width, int height) throws IOException {
        long frame = (long) width * height;
        int n = in.readInt();
        if (width < 0 || height < 0 || n < 0 || n > frame) {
            throw new IOException("corrupt spill file: " + n + " mask runs over " + width + "x" + height);
        }
        byte[] values = new byte[n];
        int[] lengths = new int[n];
        long covered = 0;
        for (int i = 0; i < n; i++) {
            values[i] = in.readByte();
            lengths[i] = in.readInt();
            covered += lengths[i];
            if (lengths[i] <= 0 || covered > frame) {
                throw new IOException("corrupt spill file: mask runs beyond " + width + "x" + height);
            }
        }
        if (covered != frame) {
            throw new IOException("corrupt spill file: mask runs cover " + covered + " of " + width + "x" + height);
        }
        return new SpilledMask(width, height, values, lengths, n);
    }

    void writeRuns(DataOutput out) throws IOException {
        out.writeInt(runs);
        for (int i = 0; i < runs; i++) {
            out.writeByte(values[i]);
            out.writeInt(lengths[i]);
        }
    }

    @Override
    public void forEachRow(ObjIntConsumer<byte[]> rows) {
        int width = width();
        byte[] row = new byte[width];
        int run = 0;
        int left = runs > 0 ? lengths[0] : 0;
        for (int y = 0; y < height(); y++) {
            int x = 0;
            while (x < width) {
                while (left == 0) {
                    left = lengths[++run];
                }
                int take = Math.min(left, width - x);
                Arrays.fill(row, x, x + take, values[run]);
                x += take;
                left -= take;
            }
            rows.accept(row, y);
        }
    }

    @Override
    public String toString() {
        return "MaskData[" + width() + "x" + height() + ", " + runs + " runs]";
    }

    /** Counts runs across rows as they come. */
    private static final class RunCounter implements ObjIntConsumer<byte[]> {
        private byte[] values = new byte[16];
        private int[] lengths = new int[16];
        private int runs;

        @Override
        public void accept(byte[] row, int y) {
            for (byte p : row) {
                if (runs > 0 && values[runs - 1] == p && lengths[runs - 1] < Integer.MAX_VALUE) {
                    lengths[runs - 1]++;
                } else {
                    if (runs == values.length) {
                        values = Arrays.copyOf(values, runs * 2);
                        lengths = Arrays.copyOf(lengths, runs * 2);
                    }
                    values[runs] = p;
                    lengths[runs++] = 1;
                }
            }
        }

        SpilledMask mask(int width, int height) {
            return new SpilledMask(width, height, values, lengths, runs);
        }
    }
}
