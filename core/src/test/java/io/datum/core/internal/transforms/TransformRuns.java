package io.datum.core.internal.transforms;

import io.datum.core.internal.GeneratedItems;
import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.options.HelpRequested;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Runs a transform over small hand-made datasets and over generated ones that count what is pulled. */
final class TransformRuns {
    private TransformRuns() {
    }

    static DatasetSource apply(DatasetTransform t, DatasetSource source, String... options) {
        return t.apply(source, t.options().parse(List.of(options)), JobContext.collecting());
    }

    static List<String> ids(DatasetSource source) {
        return HandMadeDatasets.items(source).stream().map(i -> i.subset() + "/" + i.id()).toList();
    }

    /**
     * What a shape turned into another kind keeps: label, id, group, z-order and attributes. Each
     * must differ from its default in the shape a test gives, so that a field dropped shows.
     */
    static List<Object> sharedFields(Annotation a) {
        List<Object> fields = List.of(a.label(), a.id(), a.group(), a.zOrder(), a.attributes());
        if (a.id() == 0 || a.group() == 0 || a.zOrder() == 0 || a.attributes().equals(Attributes.empty())) {
            throw new AssertionError("a field at its default proves nothing: " + fields);
        }
        return fields;
    }

    /** The help of a transform's options, as {@code -- -h} asks for it. */
    static String help(DatasetTransform t) {
        try {
            t.options().parse(List.of("-h"));
        } catch (HelpRequested h) {
            return h.help();
        }
        throw new AssertionError("-h gave no help");
    }

    /**
     * {@code count} items {@code 0..count-1} made as they are pulled, in subsets {@code train} and
     * {@code test}, one label each; {@link #made()} says how many were made so far.
     */
    static final class Generated extends GeneratedItems {
        Generated(long count) {
            super(new Categories(LabelCategories.ofNames("cat", "dog")), count);
        }

        @Override
        protected DatasetItem item(long i) {
            return new DatasetItem("frame_" + i, i % 2 == 0 ? "train" : "test", null, List.of(new Label((int) (i % 2))));
        }

        @Override
        public OptionalLong itemCount() {
            return OptionalLong.of(count());
        }

        @Override
        public Optional<Map<String, Long>> subsetSizes() {
            return Optional.of(Map.of("train", (count() + 1) / 2, "test", count() / 2));
        }
    }
}
