package io.datum.core.internal.pipeline;

import io.datum.api.DatasetInput;
import io.datum.api.ExportRequest;
import io.datum.api.ExportResult;
import io.datum.api.StagedOutput;
import io.datum.files.FileErrors;
import io.datum.files.SeparateFolders;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline's export, the only place where an export happens: the output checked against the
 * inputs before anything is touched, written through a {@link StagedOutput} (absent until the
 * export completed), the source read ahead on a thread of its own, and failures told in the
 * user's terms — the output and input folders as they were named, never the hidden staging folder.
 */
final class PipelineExport {
    private PipelineExport() {
    }

    static ExportResult run(Pipeline pipeline, ExportRequest request) throws IOException {
        DatasetExporter exporter = pipeline.registry().requireExporter(request.format());
        ParsedOptions options = exporter.options().parse(request.options());
        List<DatasetInput> inputs = pipeline.inputs();
        for (DatasetInput input : inputs) {
            SeparateFolders.check(input.path(), input.shownAs(), request.dir(), request.shownAs());
        }
        try (StagedOutput folder = StagedOutput.prepare(request.dir(), request.overwrite(), request.shownAs())) {
            PipelineContext context = new PipelineContext(pipeline.listener(), folder.spillDir());
            ItemCounter counter = new ItemCounter(pipeline.listener());
            try (DatasetSource source = pipeline.openStaged(context)) {
                pipeline.listener().exportStarted();
                source.prepareFor(request.format(), options);
                exporter.export(counter.watch(Datasets.readingAhead(source, context.workers())), folder.workDir(), options, context);
            } catch (IOException e) {
                throw described(e, folder, request.shownAs(), inputs);
            } catch (UncheckedIOException e) {
                throw described(e.getCause(), folder, request.shownAs(), inputs);
            } catch (DatasetException e) {
                throw withoutStaging(e, folder, request.shownAs());
            }
            folder.commit();
            return new ExportResult(folder.target(), request.format(), counter.items(), context.warnings());
        }
    }

    /**
     * An I/O failure named after what the user gave: a file of an input as the input's path plus
     * the name inside it; a file of the output, or a failure that only writing causes (a full
     * disk, a read-only file system), as a failure to write the output. Others stay as they are.
     */
    private static RuntimeException described(IOException e, StagedOutput folder, String shownOutput,
                                              List<DatasetInput> inputs) {
        String file = e instanceof FileSystemException ? ((FileSystemException) e).getFile() : null;
        if (file == null && !FileErrors.isWriteOnly(e)) {
            return new UncheckedIOException(e);
        }
        if (file != null) {
            Path path = Path.of(file).toAbsolutePath().normalize();
            for (DatasetInput input : inputs) {
                Path root = input.path().toAbsolutePath().normalize();
                if (path.startsWith(root)) {
                    String inside = root.relativize(path).toString();
                    return FileErrors.reading(e, inside.isEmpty() ? input.shownAs() : input.shownAs() + "/" + inside);
                }
            }
            if (!path.startsWith(folder.workDir()) && !path.startsWith(folder.spillDir())) {
                return new UncheckedIOException(e);
            }
        }
        return FileErrors.writing(e, shownOutput, folder.workDir());
    }

    /** A format's message that names the staging folder names the output instead. */
    private static DatasetException withoutStaging(DatasetException e, StagedOutput folder, String shownOutput) {
        String message = e.getMessage();
        String staging = folder.workDir().toString();
        if (message == null || !message.contains(staging)) {
            return e;
        }
        return new DatasetException(message.replace(staging, shownOutput), e);
    }
}
