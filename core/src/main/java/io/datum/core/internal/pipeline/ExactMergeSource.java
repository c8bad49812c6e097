package io.datum.core.internal.pipeline;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Datasets merged with the reference's {@code exact} policy: the same labels in all of them, and
 * the items of one subset and id joined into one. Their images must agree (one path, or one of
 * them without a file; one size), their attributes too (one value per name), and their
 * annotations are united, an annotation equal to one already there kept once. Any disagreement
 * stops the merge with the reference's message, naming the item and the two datasets. Items come
 * in the order of subset, then id ({@link KeyJoinedMergeSource}).
 */
final class ExactMergeSource extends KeyJoinedMergeSource {
    private final List<String> names;

    ExactMergeSource(List<DatasetSource> parts, List<String> names, Path tempDir, int sortBuffer) {
        super(parts, names, new Categories(MergeSources.sameLabels(labelsOf(parts), names)), tempDir, sortBuffer);
        this.names = List.copyOf(names);
    }

    @Override
    Function<DatasetItem[], DatasetItem> startPass() {
        return this::merged;
    }

    /** The items of one key joined in dataset order. */
    private DatasetItem merged(DatasetItem[] group) {
        DatasetItem result = null;
        int from = -1;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == null) {
                continue;
            }
            if (result == null) {
                result = group[i];
                from = i;
                continue;
            }
            String where = " (datasets '" + names.get(from) + "' and '" + names.get(i) + "')";
            DatasetItem b = group[i];
            String key = MergeText.key(result.id(), result.subset());
            result = new DatasetItem(result.id(), result.subset(), image(result.image(), b.image(), key, where),
                    annotations(result.annotations(), b.annotations()),
                    attributes(result.attributes(), b.attributes(), key, where));
        }
        return result;
    }

    /**
     * One image for two: the one with a file, else the one with a path, else the one with a size;
     * two different paths (both with files or both without) or two different sizes are an error.
     */
    static Image image(Image a, Image b, String key, String where) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        Optional<Path> pa = a.path();
        Optional<Path> pb = b.path();
        if (pa.isPresent() && pb.isPresent() && !pa.get().equals(pb.get()) && a.hasData() == b.hasData()) {
            throw new DatasetException("Item " + key + ": mismatching media path info: " + pa.get() + " vs "
                    + pb.get() + where);
        }
        Optional<ImageSize> sa = a.hasData() || a.declaredSize().isPresent() ? a.size() : Optional.empty();
        Optional<ImageSize> sb = b.hasData() || b.declaredSize().isPresent() ? b.size() : Optional.empty();
        if (sa.isPresent() && sb.isPresent() && !sa.get().equals(sb.get())) {
            throw new DatasetException("Item " + key + ": mismatching image size info: " + size(sa.get()) + " vs "
                    + size(sb.get()) + where);
        }
        Image chosen;
        if (a.hasData()) {
            chosen = a;
        } else if (b.hasData()) {
            chosen = b;
        } else if (pa.isPresent()) {
            chosen = a;
        } else if (pb.isPresent()) {
            chosen = b;
        } else if (sa.isPresent()) {
            chosen = a;
        } else if (sb.isPresent()) {
            chosen = b;
        } else {
            throw new DatasetException("Item " + key + ": mismatching media info: " + a + " vs " + b + where);
        }
        // a size known from either one is kept when the chosen one declares none
        ImageSize size = sa.or(() -> sb).orElse(null);
        if (chosen.declaredSize().isEmpty() && size != null && !chosen.hasData()) {
            return chosen.path().isPresent() ? Image.ofFile(chosen.path().get(), size)
                    : Image.withoutFile(chosen.extension(), size);
        }
        return chosen;
    }

    /** A size as the reference prints it: the tuple (height, width). */
    private static String size(ImageSize s) {
        return "(" + s.height() + ", " + s.width() + ")";
    }

    /** The attributes of both; a name with two different values is an error. */
    static Attributes attributes(Attributes a, Attributes b, String key, String where) {
        Attributes.Builder merged = a.toBuilder();
        for (var e : b.entries()) {
            String name = e.getKey();
            if (a.has(name) && !Objects.equals(a.get(name), e.getValue())) {
                throw new DatasetException("Item " + key + ": mismatching image attribute " + name + ": "
                        + MergeText.value(a.get(name)).replaceAll("^'(.*)'$", "$1") + " vs "
                        + MergeText.value(e.getValue()).replaceAll("^'(.*)'$", "$1") + where);
            }
            merged.put(name, e.getValue());
        }
        return merged.build();
    }

    /**
     * Both lists united as the reference unites them: the annotations of {@code a} that have an
     * equal in {@code b} (each matched once), then the rest of {@code a}, then the rest of {@code b}.
     */
    static List<Annotation> annotations(List<Annotation> a, List<Annotation> b) {
        List<Annotation> matched = new ArrayList<>();
        List<Annotation> restA = new ArrayList<>();
        List<Annotation> restB = new ArrayList<>(b);
        for (Annotation x : a) {
            boolean found = false;
            for (int i = 0; i < restB.size(); i++) {
                if (same(x, restB.get(i))) {
                    restB.remove(i);
                    found = true;
                    break;
                }
            }
            (found ? matched : restA).add(x);
        }
        List<Annotation> all = new ArrayList<>(matched);
        all.addAll(restA);
        all.addAll(restB);
        return all;
    }

    /**
     * Equal as the reference compares annotations: every field, the normalised numbers a box or
     * points were read from aside (they are how a format spelt them, not the annotation), a
     * mask's pixels compared.
     */
    static boolean same(Annotation x, Annotation y) {
        if (x instanceof Bbox a && y instanceof Bbox b) {
            return new Bbox(a.label(), a.x1(), a.y1(), a.x2(), a.y2(), a.id(), a.group(), a.zOrder(), a.attributes(), null)
                    .equals(new Bbox(b.label(), b.x1(), b.y1(), b.x2(), b.y2(), b.id(), b.group(), b.zOrder(),
                            b.attributes(), null));
        }
        if (x instanceof Points a && y instanceof Points b) {
            return new Points(a.label(), a.points(), a.id(), a.group(), a.zOrder(), a.attributes())
                    .equals(new Points(b.label(), b.points(), b.id(), b.group(), b.zOrder(), b.attributes()));
        }
        if (x instanceof Mask a && y instanceof Mask b) {
            return Objects.equals(a.label(), b.label()) && a.id() == b.id() && a.group() == b.group()
                    && a.zOrder() == b.zOrder() && a.attributes().equals(b.attributes())
                    && a.data().width() == b.data().width() && a.data().height() == b.data().height()
                    && Arrays.equals(setPixels(a), setPixels(b));
        }
        return x.equals(y);
    }

    private static byte[] setPixels(Mask m) {
        byte[] p = m.data().pixels();
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i] != 0 ? (byte) 1 : 0;
        }
        return p;
    }
}
