package io.datum.cvat.internal.write;

import io.datum.cvat.internal.AttributeValues;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.sort.KeyedRecord;
import io.datum.model.Annotation;
import io.datum.model.DatasetItem;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.support.stream.DatasetRecords;
import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.WriteBehind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The exporter's track mode ({@code --use-track}, "CVAT for video"): annotations with a
 * {@code track_id} attribute of items with a {@code frame} attribute become {@code <track>}s, by
 * ascending track id, their shapes by ascending frame. One pass collects them into a
 * {@link ExternalSort} per subset (bounded memory); then each subset file is written. As in the
 * reference, no {@code <image>} elements and no image files are written, tracks whose
 * annotations disagree on the label are dropped, and {@code <original_size>} is written only when
 * every item has the same known size.
 */
final class TrackExport {
    private final DatasetSource source;
    private final Path outputDir;
    private final LabelCategories labels;
    private final ExportSettings settings;
    private final JobContext context;
    private final int maxInMemory;

    TrackExport(DatasetSource source, Path outputDir, ExportSettings settings, JobContext context, int maxInMemory) {
        this.source = source;
        this.outputDir = outputDir;
        this.labels = source.categories().labels();
        this.settings = settings;
        this.context = context;
        this.maxInMemory = maxInMemory;
    }

    void run() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, ExternalSort<KeyedRecord<Annotation>>> tracks = new LinkedHashMap<>();
        try (WriteBehind behind = new WriteBehind(context.workers(), "datum-cvat-writing")) {
            ImageSize commonSize = collect(counts, tracks);
            for (Map.Entry<String, Long> subset : counts.entrySet()) {
                try (SubsetXmlWriter writer = SubsetXmlWriter.open(outputDir, behind, subset.getKey(), subset.getValue(),
                        labels, commonSize, settings, context)) {
                    ExternalSort<KeyedRecord<Annotation>> sorter = tracks.get(subset.getKey());
                    if (sorter != null) {
                        sorter.finish();
                        try (ExternalSort<KeyedRecord<Annotation>>.Cursor sorted = sorter.cursor()) {
                            writeTracks(writer, sorted);
                        }
                    }
                    writer.finish();
                }
            }
        } finally {
            tracks.values().forEach(ExternalSort::close);
        }
    }

    /** Counts items per subset and sorts track annotations; returns the frame size when all items share one. */
    private ImageSize collect(Map<String, Long> counts, Map<String, ExternalSort<KeyedRecord<Annotation>>> tracks) {
        ImageSize common = null;
        boolean sameSize = true;
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                DatasetItem item = items.next();
                CvatExporter.checkSubsetName(item.subset());
                counts.merge(item.subset(), 1L, Long::sum);
                Optional<ImageSize> size = item.image() == null ? Optional.empty() : item.image().size();
                if (size.isEmpty() || (common != null && !common.equals(size.get()))) {
                    sameSize = false;
                } else {
                    common = size.get();
                }
                Long frame = integer(item.attributes().get(CvatNames.FRAME), item.attributes().has(CvatNames.FRAME));
                if (frame == null) {
                    if (context.debugEnabled()) {
                        context.debug("Item '" + item.id() + "' has no integer frame attribute; its annotations are not in tracks");
                    }
                    continue;
                }
                for (Annotation a : item.annotations()) {
                    if (!a.attributes().has(CvatNames.TRACK_ID)) {
                        continue;
                    }
                    Long trackId = integer(a.attributes().get(CvatNames.TRACK_ID), true);
                    if (trackId == null) {
                        context.warn("skipping an annotation whose track_id is not an integer");
                        continue;
                    }
                    tracks.computeIfAbsent(item.subset(), s -> KeyedRecord.sort(DatasetRecords.annotations(), maxInMemory, context.tempDir()))
                            .add(new KeyedRecord<>(trackId, frame, a));
                }
            }
        }
        if (!sameSize && !counts.isEmpty()) {
            context.warn("items differ in size or have none: <original_size> is not written");
        }
        return sameSize ? common : null;
    }

    private static Long integer(Object value, boolean present) {
        if (!present) {
            return null;
        }
        try {
            return AttributeValues.intValue(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void writeTracks(SubsetXmlWriter writer, Iterator<KeyedRecord<Annotation>> sorted) throws IOException {
        KeyedRecord<Annotation> pending = sorted.hasNext() ? sorted.next() : null;
        while (pending != null) {
            long trackId = pending.key();
            List<Long> frames = new ArrayList<>();
            List<Annotation> annotations = new ArrayList<>();
            while (pending != null && pending.key() == trackId) {
                frames.add(pending.minor());
                annotations.add(pending.value());
                pending = sorted.hasNext() ? sorted.next() : null;
            }
            Integer label = annotations.get(0).label();
            boolean oneLabel = annotations.stream().allMatch(a -> Objects.equals(a.label(), label));
            if (label == null) {
                context.warn("skipping a track with no label");
            } else if (!oneLabel) {
                context.warn("skipping a track whose annotations have different labels");
                context.debug("track " + trackId + " has annotations with different labels");
            } else {
                writer.writeTrack(trackId, label, frames, annotations);
            }
        }
    }
}
