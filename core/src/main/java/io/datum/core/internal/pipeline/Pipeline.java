package io.datum.core.internal.pipeline;

import io.datum.api.ComparisonOptions;
import io.datum.api.Dataset;
import io.datum.api.DatasetComparison;
import io.datum.api.DatasetInfo;
import io.datum.api.DatasetInput;
import io.datum.api.DatasetListener;
import io.datum.api.DatasetStatistics;
import io.datum.api.ExportRequest;
import io.datum.api.ExportResult;
import io.datum.api.MergeOptions;
import io.datum.api.RenderRequest;
import io.datum.api.RenderResult;
import io.datum.api.StagedOutput;
import io.datum.api.ValidationReport;
import io.datum.core.internal.render.DatasetRenderer;
import io.datum.core.internal.validate.DatasetValidator;
import io.datum.core.internal.validate.ValidatorSettings;
import io.datum.files.OwnedFolder;
import io.datum.files.SeparateFolders;
import io.datum.model.DatasetItem;
import io.datum.model.LabelCategory;
import io.datum.options.ParsedOptions;
import io.datum.options.UsageException;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.ForwardingSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one implementation of {@link Dataset}: a recipe — how to open the input, then the stages in
 * order — that each terminal call runs from the start. Opening happens inside the terminal call,
 * once its spill folder exists; the stages wrap the opened source, so items flow from the importer
 * through every transform to the consumer one at a time.
 */
public final class Pipeline implements Dataset {
    /** Opens the input of one run with that run's context. */
    interface Opener {
        DatasetSource open(JobContext context) throws IOException;
    }

    private record Stage(DatasetTransform transform, ParsedOptions options) {
    }

    private final FormatRegistry registry;
    private final DatasetListener listener;
    private final List<DatasetInput> inputs;
    private final Opener opener;
    private final List<Stage> stages;

    private Pipeline(FormatRegistry registry, DatasetListener listener, List<DatasetInput> inputs, Opener opener,
                     List<Stage> stages) {
        this.registry = registry;
        this.listener = listener;
        this.inputs = List.copyOf(inputs);
        this.opener = opener;
        this.stages = List.copyOf(stages);
    }

    /**
     * A pipeline over datasets on disk, read one after the other. Each path must exist; a missing
     * format is detected (depth 2) and must be found once; every importer must be present and
     * accept its input's options.
     */
    public static Pipeline open(FormatRegistry registry, List<DatasetInput> inputs, DatasetListener listener) {
        return open(registry, inputs, listener, null);
    }

    /**
     * A pipeline over datasets on disk merged by a policy ({@link MergeSources}). The inputs are
     * checked as by {@link #open}.
     */
    public static Pipeline merged(FormatRegistry registry, List<DatasetInput> inputs, MergeOptions merge,
                                  DatasetListener listener) {
        return open(registry, inputs, listener, merge);
    }

    /** With {@code merge} null, the inputs are read one after the other. */
    private static Pipeline open(FormatRegistry registry, List<DatasetInput> inputs, DatasetListener listener,
                                 MergeOptions merge) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one input");
        }
        List<DatasetImporter> importers = new ArrayList<>();
        List<ParsedOptions> options = new ArrayList<>();
        for (DatasetInput input : inputs) {
            if (!Files.exists(input.path())) {
                throw new DatasetException("Path " + input.shownAs() + " doesn't exist");
            }
            String format = input.format();
            if (format == null) {
                List<String> found = registry.detect(input.path(), 2).detected();
                if (found.size() != 1) {
                    throw new DatasetException(found.isEmpty() ? "Failed to detect the format of '" + input.shownAs() + "'"
                            : "Multiple formats match '" + input.shownAs() + "': " + String.join(", ", found));
                }
                format = found.get(0);
            }
            DatasetImporter importer = registry.requireImporter(format);
            importers.add(importer);
            options.add(importer.options().parse(input.options()));
        }
        return new Pipeline(registry, listener, inputs, context -> openAll(inputs, importers, options, context, merge),
                List.of());
    }

    /** A pipeline over a source the caller made and closes. */
    public static Pipeline over(FormatRegistry registry, DatasetSource source, DatasetListener listener) {
        return new Pipeline(registry, listener, List.of(), context -> notClosing(source), List.of());
    }

    /** The caller's source, which the caller closes, not the terminal call. */
    private static DatasetSource notClosing(DatasetSource source) {
        return new ForwardingSource(source) {
            @Override
            public void close() {
                // the caller's source: the caller closes it
            }
        };
    }

    private static DatasetSource openAll(List<DatasetInput> inputs, List<DatasetImporter> importers,
                                         List<ParsedOptions> options, JobContext context, MergeOptions merge)
            throws IOException {
        List<DatasetSource> opened = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                opened.add(importers.get(i).open(inputs.get(i).path(), options.get(i), context));
            }
            if (merge != null) {
                return MergeSources.open(opened, inputs, merge, context);
            }
            for (DatasetSource s : opened) {
                if (!s.categories().labels().sameLabelsAs(opened.get(0).categories().labels())) {
                    throw new DatasetException("Merging of datasets with different categories is only allowed in "
                            + "'merge' command.");
                }
            }
        } catch (RuntimeException | IOException e) {
            opened.forEach(DatasetSource::close);
            throw e;
        }
        return opened.size() == 1 ? opened.get(0)
                : new ConcatenatedSource(opened, inputs.stream().map(DatasetInput::name).toList());
    }

    @Override
    public Dataset transform(String name, List<String> options) {
        DatasetTransform transform = registry.requireTransform(name);
        ParsedOptions parsed = transform.options().parse(options);
        List<Stage> more = new ArrayList<>(stages);
        more.add(new Stage(transform, parsed));
        return new Pipeline(registry, listener, inputs, opener, more);
    }

    /** The inputs, for checks of the output against them and for naming their files in messages. */
    List<DatasetInput> inputs() {
        return inputs;
    }

    DatasetListener listener() {
        return listener;
    }

    FormatRegistry registry() {
        return registry;
    }

    /** Opens the input and puts every stage on it; the caller closes the result. */
    DatasetSource openStaged(JobContext context) throws IOException {
        DatasetSource source = opener.open(context);
        try {
            for (Stage stage : stages) {
                source = stage.transform().apply(source, stage.options(), context);
            }
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        return source;
    }

    @Override
    public ExportResult export(ExportRequest request) throws IOException {
        return PipelineExport.run(this, request);
    }

    @Override
    public DatasetComparison compare(Dataset other, ComparisonOptions options) throws IOException {
        return compare(other, options, ComparisonJoin.SORT_BUFFER);
    }

    /** {@link #compare} holding at most {@code sortBuffer} items of each dataset at a time. */
    DatasetComparison compare(Dataset other, ComparisonOptions options, int sortBuffer) throws IOException {
        if (!(other instanceof Pipeline second)) {
            throw new IllegalArgumentException("a dataset of another implementation: " + other.getClass().getName());
        }
        OwnedFolder spill = SpillFolders.create();
        PipelineContext context = new PipelineContext(listener, spill.path());
        try (DatasetSource a = openStaged(context);
             DatasetSource b = second.openStaged(new PipelineContext(second.listener, spill.path()))) {
            if (options.method() == ComparisonOptions.Method.TABLE) {
                return DatasetComparator.compareTables(a, b, List.of(formatName(), second.formatName()), context,
                        spill.path());
            }
            return new DatasetComparator(options, sortBuffer, spill.path()).compare(a, b);
        } finally {
            spill.delete();
        }
    }

    /** The formats of the inputs, as given or detected, joined by commas; empty for a caller's source. */
    private String formatName() {
        List<String> names = new ArrayList<>();
        for (DatasetInput input : inputs) {
            String format = input.format();
            if (format == null) {
                List<String> found = registry.detect(input.path(), 2).detected();
                format = found.size() == 1 ? found.get(0) : "";
            }
            if (!names.contains(format)) {
                names.add(format);
            }
        }
        return String.join(", ", names);
    }

    @Override
    public DatasetInfo info() throws IOException {
        OwnedFolder spill = SpillFolders.create();
        try (DatasetSource source = openStaged(new PipelineContext(listener, spill.path()));
             ItemCursor items = source.items()) {
            Map<String, Long> subsets = new LinkedHashMap<>();
            long total = 0;
            while (items.hasNext()) {
                DatasetItem item = items.next();
                subsets.merge(item.subset(), 1L, Long::sum);
                total++;
                listener.itemsRead(1, total, -1);
            }
            List<LabelCategory> labels = source.categories().labels().labels();
            return new DatasetInfo(total, subsets, labels.stream().map(LabelCategory::name).toList(),
                    labels.stream().map(LabelCategory::displayName).toList());
        } finally {
            spill.delete();
        }
    }

    @Override
    public DatasetStatistics statistics(String subset, boolean imageStats, boolean annotationStats) throws IOException {
        OwnedFolder spill = SpillFolders.create();
        try {
            PipelineContext context = new PipelineContext(listener, spill.path());
            try (DatasetSource source = openStaged(context)) {
                return new DatasetStatistics(new Statistics(source, subset, context, spill.path())
                        .compute(imageStats, annotationStats));
            }
        } finally {
            spill.delete();
        }
    }

    @Override
    public ValidationReport validate(String task, List<String> options, String subset) throws IOException {
        ValidatorSettings.Task t = ValidatorSettings.task(task);
        if (t == null) {
            throw new UsageException("datum validate", "usage: datum validate -t TASK",
                    "argument -t/--task: " + ValidatorSettings.unknownTask(task));
        }
        ValidatorSettings settings = ValidatorSettings.of(t, options);
        OwnedFolder spill = SpillFolders.create();
        DatasetSource source;
        try {
            source = openStaged(new PipelineContext(listener, spill.path()));
        } catch (RuntimeException | IOException e) {
            spill.delete();
            throw e;
        }
        try (source) {
            return DatasetValidator.validate(source, settings, subset, spill);
        }
    }

    @Override
    public RenderResult render(RenderRequest request) throws IOException {
        for (DatasetInput input : inputs) {
            SeparateFolders.check(input.path(), input.shownAs(), request.dir(), request.shownAs());
        }
        try (StagedOutput folder = StagedOutput.prepare(request.dir(), request.overwrite(), request.shownAs())) {
            PipelineContext context = new PipelineContext(listener, folder.spillDir());
            long[] counts;
            try (DatasetSource source = openStaged(context)) {
                counts = new DatasetRenderer(request, context, folder.workDir()).render(source);
            }
            folder.commit();
            return new RenderResult(folder.target(), counts[0], counts[1], counts[2]);
        }
    }
}
