package io.datum.openimages.internal.read;

import io.datum.model.Attributes;
import io.datum.openimages.internal.OpenImagesPaths;

/**
 * The attributes of image labels and boxes, shared between annotations that have the same
 * values. A box's attributes are its score and five Is* flags, which take few values (scores are
 * mostly 0 or 1; the flags give 3^5 combinations), yet building them is a map copy per box. This
 * remembers the most recent attributes per combination in a small direct-mapped table, so the
 * memory stays fixed whatever the values. {@link Attributes} is immutable, so sharing is safe.
 * Not thread-safe: one per pass.
 */
final class ScoreAttributes {
    private static final int SLOTS = 256;
    /** The flags code of image labels, which have no flags. */
    private static final int NO_FLAGS = -1;

    private final long[] scoreBits = new long[SLOTS];
    private final int[] flagCodes = new int[SLOTS];
    private final Attributes[] values = new Attributes[SLOTS];

    /** {@code score = confidence}. */
    Attributes label(double confidence) {
        long bits = Double.doubleToRawLongBits(confidence);
        int slot = slot(bits, NO_FLAGS);
        if (values[slot] == null || scoreBits[slot] != bits || flagCodes[slot] != NO_FLAGS) {
            store(slot, bits, NO_FLAGS, Attributes.of(OpenImagesPaths.SCORE, confidence));
        }
        return values[slot];
    }

    /**
     * {@code score} (none for {@link AnnotationRow.BoxRow#NO_CONFIDENCE}) then each flag other than -1
     * (unknown) as a boolean, in column order; {@code flags} packed as {@link AnnotationRow.BoxRow}
     * packs them.
     */
    Attributes box(double confidence, int flags) {
        long bits = Double.doubleToRawLongBits(confidence);
        int slot = slot(bits, flags);
        if (values[slot] == null || scoreBits[slot] != bits || flagCodes[slot] != flags) {
            Attributes.Builder attributes = Attributes.builder();
            if (AnnotationRow.BoxRow.hasConfidence(confidence)) {
                attributes.put(OpenImagesPaths.SCORE, confidence);
            }
            int count = OpenImagesPaths.BOX_FLAG_ATTRIBUTES.size();
            for (int i = 0; i < count; i++) {
                int flag = AnnotationRow.BoxRow.flag(flags, i, count);
                if (flag >= 0) {
                    attributes.put(OpenImagesPaths.BOX_FLAG_ATTRIBUTES.get(i), flag == 1);
                }
            }
            store(slot, bits, flags, attributes.build());
        }
        return values[slot];
    }

    private void store(int slot, long bits, int code, Attributes attributes) {
        scoreBits[slot] = bits;
        flagCodes[slot] = code;
        values[slot] = attributes;
    }

    private static int slot(long bits, int code) {
        long h = (bits ^ (bits >>> 29)) * 0x9E3779B97F4A7C15L + code;
        return (int) (h ^ (h >>> 32)) & (SLOTS - 1);
    }
}
