package io.datum.collections;

import java.util.function.DoubleFunction;

/**
 * What was made for the last few doubles, found again by their bits: a writer spells the same
 * few values (scores of 0.0 and 1.0, in turn) millions of times, and making each spelling again
 * was most of what it allocated. The oldest value gives way to a new one. Not thread-safe.
 *
 * @param <V> what is made for a double
 */
public final class RecentDoubles<V> {
    private final long[] bits;
    private final Object[] made;
    private int next;

    /** Keeps what was made for the last {@code size} doubles (at least 1). */
    public RecentDoubles(int size) {
        bits = new long[Math.max(1, size)];
        made = new Object[bits.length];
    }

    /** What {@code make} made for {@code value} (the same bits: -0.0 is not 0.0), made now if not kept. */
    @SuppressWarnings("unchecked")
    public V get(double value, DoubleFunction<V> make) {
        long b = Double.doubleToRawLongBits(value);
        for (int i = 0; i < bits.length; i++) {
            if (made[i] != null && bits[i] == b) {
                return (V) made[i];
            }
        }
        V v = make.apply(value);
        bits[next] = b;
        made[next] = v;
        next = (next + 1) % bits.length;
        return v;
    }
}
