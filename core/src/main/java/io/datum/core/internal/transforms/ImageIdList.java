package io.datum.core.internal.transforms;

import io.datum.spi.DatasetException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A list of image ids, one a line, each either {@code ID} (any subset) or {@code SUBSET/ID} (that
 * subset only), as image download lists give them; blank lines are skipped. Open Images ids (16 hex
 * digits) are held as sorted longs, 8 bytes each, so that a list of millions of ids stays small;
 * any other id is held as a string.
 */
final class ImageIdList {
    private static final String ANY_SUBSET = "";

    /** The ids of each subset ({@link #ANY_SUBSET} for the lines without one). */
    private final Map<String, Ids> bySubset;

    private ImageIdList(Map<String, Ids> bySubset) {
        this.bySubset = bySubset;
    }

    static ImageIdList read(Path file) {
        Map<String, Builder> builders = new HashMap<>();
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                String entry = line.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                int slash = entry.lastIndexOf('/');
                String subset = slash < 0 ? ANY_SUBSET : entry.substring(0, slash);
                String id = entry.substring(slash + 1);
                if (id.isEmpty() || slash == 0) {
                    throw DatasetException.at(name, lineNumber, "'" + entry + "' is not an image id "
                            + "(expected ID or SUBSET/ID)");
                }
                builders.computeIfAbsent(subset, s -> new Builder()).add(id);
            }
        } catch (NoSuchFileException e) {
            throw new DatasetException(name + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetException(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot read the id list: " + e.getMessage(), e);
        }
        Map<String, Ids> ids = new HashMap<>();
        builders.forEach((subset, b) -> ids.put(subset, b.build()));
        return new ImageIdList(ids);
    }

    boolean contains(String subset, String id) {
        Ids any = bySubset.get(ANY_SUBSET);
        if (any != null && any.contains(id)) {
            return true;
        }
        Ids own = bySubset.get(subset == null ? "" : subset);
        return own != null && own != any && own.contains(id);
    }

    /** Whether the id is held as a number: exactly 16 lower-case hex digits, as Open Images spells its ids. */
    private static boolean isPackable(String id) {
        if (id.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long pack(String id) {
        return Long.parseUnsignedLong(id, 16);
    }

    private record Ids(long[] packed, Set<String> others) {
        boolean contains(String id) {
            return isPackable(id) ? Arrays.binarySearch(packed, pack(id)) >= 0 : others.contains(id);
        }
    }

    private static final class Builder {
        private long[] packed = new long[16];
        private int size;
        private final Set<String> others = new HashSet<>();

        void add(String id) {
            if (!isPackable(id)) {
                others.add(id);
                return;
            }
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = pack(id);
        }

        /** Sorted as signed longs: binary search compares the same way. */
        Ids build() {
            long[] sorted = Arrays.copyOf(packed, size);
            Arrays.sort(sorted);
            return new Ids(sorted, others);
        }
    }
}
