package io.datum.cvat.internal.read;

import io.datum.collections.LongHashSet;
import java.util.Arrays;

/**
 * Knows whether the frames of one subset have come in one stretch each so far, in memory that
 * does not grow with the number of frames when they are numbered as CVAT and Datum number them.
 *
 * <p>A frame number written in plain decimal is kept in a set of intervals of numbers seen: a
 * writer numbers the frames of a file 0, 1, 2, ..., so millions of frames are one interval, and
 * frames kept from a longer video (gaps between them) one interval per gap. Other spellings of a
 * frame ({@code 007}, {@code +7}: valid, and a frame of its own since frames are compared as
 * written) are kept as hashes of their text. Either kind is bounded: past {@link #MAX_INTERVALS}
 * intervals or {@link #MAX_SPELT} other spellings the frames count as not grouped, and the subset
 * is read the regrouping way, which gives the same items in the same order, only slower.
 */
final class FrameOrder {
    /** Intervals kept at most: a megabyte of numbers, for a file whose frames are not numbered in runs. */
    static final int MAX_INTERVALS = 1 << 16;
    /** Frames not in plain decimal kept at most. */
    static final int MAX_SPELT = 1 << 16;
    /** Digits of the longest frame number kept as a number: any 18-digit number fits in a long. */
    private static final int MAX_DIGITS = 18;

    private String first;
    private String current;
    private boolean grouped = true;
    /** Stretches so far: the number of frames while they are grouped. */
    private long frames;
    /** Intervals of frame numbers seen, {@code [low[i], high[i]]}, ascending and apart (not even adjacent). */
    private long[] low = new long[4];
    private long[] high = new long[4];
    private int intervals;
    /** Hashes of the frames not written in plain decimal; null until one comes. */
    private LongHashSet spelt;
    private int speltCount;

    /** A record of {@code frame}, after those seen so far. */
    void see(String frame) {
        if (!grouped || frame.equals(current)) {
            return;
        }
        if (!add(frame)) {
            grouped = false;
            return;
        }
        if (first == null) {
            first = frame;
        }
        current = frame;
        frames++;
    }

    /**
     * Takes in what {@code next} saw of the frames right after these, as if this one had seen
     * them: its first frame may go on with this one's last stretch, any other frame it saw must
     * be new here.
     */
    void append(FrameOrder next) {
        if (!grouped || next.frames == 0) {
            grouped &= next.grouped;
            return;
        }
        if (!next.grouped) {
            grouped = false;
            return;
        }
        boolean continues = next.first.equals(current);
        long carried = continues ? number(current) : -1;
        for (int i = 0; i < next.intervals && grouped; i++) {
            long from = next.low[i];
            long to = next.high[i];
            if (carried >= from && carried <= to) {
                // the frame both saw: the rest of its interval on either side of it
                grouped = (carried == from || addRange(from, carried - 1)) && (carried == to || addRange(carried + 1, to));
            } else {
                grouped = addRange(from, to);
            }
        }
        if (grouped && next.spelt != null) {
            if (spelt == null) {
                spelt = new LongHashSet();
            }
            speltCount += next.speltCount - (continues && carried < 0 ? 1 : 0);
            grouped = speltCount <= MAX_SPELT && spelt.addAll(next.spelt, continues, LongHashSet.hash(next.first));
        }
        if (!grouped) {
            return;
        }
        if (first == null) {
            first = next.first;
        }
        frames += next.frames - (continues ? 1 : 0);
        current = next.current;
    }

    /** Frames of this subset are not grouped (a track lists its frames again). */
    void scatter() {
        grouped = false;
    }

    boolean grouped() {
        return grouped;
    }

    /** The number of frames, while they are grouped. */
    long frames() {
        return frames;
    }

    /** Intervals and other spellings held: what this order's memory grows with. */
    int entries() {
        return intervals + speltCount;
    }

    /** Adds a frame not seen right before; false when it was seen earlier, or too much is held to tell. */
    private boolean add(String frame) {
        long n = number(frame);
        if (n >= 0) {
            return addRange(n, n);
        }
        if (spelt == null) {
            spelt = new LongHashSet();
        }
        return spelt.add(LongHashSet.hash(frame)) && ++speltCount <= MAX_SPELT;
    }

    /**
     * The frame's number when it is written in plain decimal (no sign, no leading zero, no
     * spaces or underscores), else -1: only then does one number stand for one spelling.
     */
    static long number(String frame) {
        int length = frame.length();
        if (length == 0 || length > MAX_DIGITS || length > 1 && frame.charAt(0) == '0') {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < length; i++) {
            char c = frame.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Adds the numbers {@code from..to}; false when one of them was there, or too many intervals would be held. */
    private boolean addRange(long from, long to) {
        // the usual case: right after the last interval
        if (intervals > 0 && from == high[intervals - 1] + 1) {
            high[intervals - 1] = to;
            return true;
        }
        // the intervals before i end before from - 1: apart from the new one
        int i = firstEndingFrom(from - 1);
        boolean joinsBefore = i < intervals && high[i] == from - 1;
        // the first interval that ends at or after from: it overlaps the new one, or follows it
        int next = joinsBefore ? i + 1 : i;
        if (next < intervals && low[next] <= to) {
            return false;
        }
        boolean joinsAfter = next < intervals && low[next] == to + 1;
        if (joinsBefore && joinsAfter) {
            high[i] = high[next];
            remove(next);
        } else if (joinsBefore) {
            high[i] = to;
        } else if (joinsAfter) {
            low[next] = from;
        } else if (intervals == MAX_INTERVALS) {
            return false;
        } else {
            insert(next, from, to);
        }
        return true;
    }

    /** The index of the first interval whose high end is at least {@code n}, or {@link #intervals}. */
    private int firstEndingFrom(long n) {
        int lo = 0;
        int hi = intervals;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (high[mid] < n) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void insert(int at, long from, long to) {
        if (intervals == low.length) {
            low = Arrays.copyOf(low, intervals * 2);
            high = Arrays.copyOf(high, intervals * 2);
        }
        System.arraycopy(low, at, low, at + 1, intervals - at);
        System.arraycopy(high, at, high, at + 1, intervals - at);
        low[at] = from;
        high[at] = to;
        intervals++;
    }

    private void remove(int at) {
        System.arraycopy(low, at + 1, low, at, intervals - at - 1);
        System.arraycopy(high, at + 1, high, at, intervals - at - 1);
        intervals--;
    }
}
