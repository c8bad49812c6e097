package io.datum.cvat.internal.write;

import java.util.Arrays;

/** Counts of the undeclared names skipped for one label: a few names, found by identity. */
final class SkippedNames {
    AttributeName[] names = new AttributeName[4];
    long[] counts = new long[4];
    int size;

    void count(AttributeName n) {
        for (int i = 0; i < size; i++) {
            if (names[i] == n) {
                counts[i]++;
                return;
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].name.equals(n.name)) {  // a name past the cache's bound has a record per use
                counts[i]++;
                return;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        names[size] = n;
        counts[size++] = 1;
    }
}
