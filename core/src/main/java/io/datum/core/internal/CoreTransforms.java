package io.datum.core.internal;

import io.datum.core.internal.transforms.BoxesToMasks;
import io.datum.core.internal.transforms.FilterTransform;
import io.datum.core.internal.transforms.IdFromImageName;
import io.datum.core.internal.transforms.MapSubsets;
import io.datum.core.internal.transforms.MasksToPolygons;
import io.datum.core.internal.transforms.PolygonsToMasks;
import io.datum.core.internal.transforms.ProjectLabels;
import io.datum.core.internal.transforms.RandomSplit;
import io.datum.core.internal.transforms.Reindex;
import io.datum.core.internal.transforms.RemapLabels;
import io.datum.core.internal.transforms.RemoveAnnotations;
import io.datum.core.internal.transforms.RemoveAttributes;
import io.datum.core.internal.transforms.RemoveItems;
import io.datum.core.internal.transforms.RemoveUnusedLabels;
import io.datum.core.internal.transforms.Rename;
import io.datum.core.internal.transforms.SelectClasses;
import io.datum.core.internal.transforms.ShapesToBoxes;
import io.datum.spi.factory.PluginFactory;
import io.datum.spi.transform.DatasetTransform;
import java.util.List;
import java.util.Map;

/**
 * Core's transforms on a plain class path (in a framework each is a DS component of its own).
 * They have no configuration: the map is not read. A transform added to core is listed here.
 */
public final class CoreTransforms implements PluginFactory {
    /** The name of core's configuration. */
    public static final String NAME = "core";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DatasetTransform> transforms(Map<String, ?> configuration) {
        return List.of(
                new FilterTransform(),
                new RemapLabels(),
                new IdFromImageName(),
                new MapSubsets(),
                new ProjectLabels(),
                new RandomSplit(),
                new Reindex(),
                new RemoveAnnotations(),
                new RemoveAttributes(),
                new RemoveItems(),
                new Rename(),
                new ShapesToBoxes(),
                new BoxesToMasks(),
                new PolygonsToMasks(),
                new MasksToPolygons(),
                new RemoveUnusedLabels(),
                new SelectClasses());
    }
}
