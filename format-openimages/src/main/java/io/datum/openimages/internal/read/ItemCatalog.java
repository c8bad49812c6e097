package io.datum.openimages.internal.read;

import io.datum.model.ImageSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every item of the dataset, by position: its id, its subset, its size from {@code images.meta}
 * and where its image file is. The position is the item's place in the reference's order:
 * description rows first, then items first seen in label, box and mask files. Kept
 * compact (about 40 bytes per item), because this is the one structure that grows with the
 * dataset; annotations are never held here.
 */
public final class ItemCatalog {
    private static final short NONE = -1;

    private final IdTable ids = new IdTable();
    private short[] subsets = new short[256];
    private int[] metaWidth = new int[0];
    private int[] metaHeight = new int[0];
    private short[] imageDirs = new short[0];
    private short[] imageExtensions = new short[0];
    private final Dictionary subsetNames = new Dictionary();
    private final Dictionary dirNames = new Dictionary();
    private final Dictionary extensionNames = new Dictionary();

    int size() {
        return ids.size();
    }

    /** The item's position, or -1 when no such item exists. */
    public int positionOf(String id) {
        return ids.get(id);
    }

    /** The item's position, or -1; {@code expected} is where to look first (see {@link IdTable#get(String, int)}). */
    public int positionOf(String id, int expected) {
        return ids.get(id, expected);
    }

    /** {@link #positionOf(String, int)} of the id spelled by the UTF-8 bytes {@code id[from, to)}. */
    public int positionOf(byte[] id, int from, int to, int expected) {
        return ids.get(id, from, to, expected);
    }

    /** Finds the positions of a batch of ids at once (-1 for an unknown one): see {@link IdTable#getAll}. */
    void positionsOf(IdTable.Batch ids) {
        this.ids.getAll(ids);
    }

    /** Adds a new item at the next position; the caller has checked that the id is new. */
    int add(String id, String subset) {
        return place(ids.add(id), subset);
    }

    /**
     * Adds the item whose id is spelled by the UTF-8 bytes {@code id[from, to)} at the next
     * position, unless the id is already there: then nothing changes and the result is
     * {@code -(position + 1)} of the existing item.
     */
    int addNew(byte[] id, int from, int to, String subset) {
        int before = ids.size();
        int position = ids.add(id, from, to);
        return position < before ? -(position + 1) : place(position, subset);
    }

    private int place(int position, String subset) {
        if (position == subsets.length) {
            subsets = Arrays.copyOf(subsets, position * 2);
        }
        subsets[position] = subsetNames.code(subset);
        return position;
    }

    /** The number of items of each subset, in order of first appearance. */
    Map<String, Long> subsetSizes() {
        long[] counts = new long[subsetNames.names.size()];
        for (int position = 0; position < size(); position++) {
            counts[subsets[position]]++;
        }
        // items are added in position order, so codes are given in order of first appearance
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (short code = 0; code < counts.length; code++) {
            sizes.put(subsetNames.name(code), counts[code]);
        }
        return Collections.unmodifiableMap(sizes);
    }

    String id(int position) {
        return ids.id(position);
    }

    String subset(int position) {
        return subsetNames.name(subsets[position]);
    }

    /**
     * Records the size from {@code images.meta}. May run beside readers of the catalog (it touches
     * only the sizes), but not beside {@link #add}.
     */
    void setDeclaredSize(int position, ImageSize size) {
        if (metaWidth.length < size()) {
            metaWidth = grow(metaWidth, size(), -1);
            metaHeight = grow(metaHeight, size(), -1);
        }
        metaWidth[position] = size.width();
        metaHeight[position] = size.height();
    }

    /** The size from {@code images.meta}, or null. */
    ImageSize declaredSize(int position) {
        if (position >= metaWidth.length || metaWidth[position] < 0) {
            return null;
        }
        return new ImageSize(metaWidth[position], metaHeight[position]);
    }

    /** Records the image file {@code images/<dir>/<id><extension>}; call only after all items are known. */
    void setImage(int position, String dir, String extension) {
        if (imageDirs.length < size()) {
            imageDirs = grow(imageDirs, size());
            imageExtensions = grow(imageExtensions, size());
        }
        imageDirs[position] = dirNames.code(dir);
        imageExtensions[position] = extensionNames.code(extension);
    }

    /** The folder under {@code images/} and the extension of the item's image, or null. */
    String[] image(int position) {
        if (position >= imageDirs.length || imageDirs[position] == NONE) {
            return null;
        }
        return new String[] {dirNames.name(imageDirs[position]), extensionNames.name(imageExtensions[position])};
    }

    /** The item's image file under {@code imagesDir}, or null. */
    Path imagePath(Path imagesDir, int position) {
        String[] where = image(position);
        return where == null ? null : imagesDir.resolve(where[0]).resolve(id(position) + where[1]);
    }

    private static int[] grow(int[] array, int size, int fill) {
        int old = array.length;
        int[] bigger = Arrays.copyOf(array, Math.max(size, old * 2));
        Arrays.fill(bigger, old, bigger.length, fill);
        return bigger;
    }

    private static short[] grow(short[] array, int size) {
        int old = array.length;
        short[] bigger = Arrays.copyOf(array, Math.max(size, old * 2));
        Arrays.fill(bigger, old, bigger.length, NONE);
        return bigger;
    }

    /** Few distinct strings (subsets, folders, extensions) stored once, referred to by a short code. */
    private static final class Dictionary {
        private final List<String> names = new ArrayList<>();
        private final Map<String, Short> codes = new HashMap<>();

        short code(String name) {
            Short c = codes.get(name);
            if (c == null) {
                if (names.size() >= Short.MAX_VALUE) {
                    throw new io.datum.spi.DatasetException("more than " + Short.MAX_VALUE
                            + " distinct subsets, image folders or extensions");
                }
                c = (short) names.size();
                names.add(name);
                codes.put(name, c);
            }
            return c;
        }

        String name(short code) {
            return names.get(code);
        }
    }
}
