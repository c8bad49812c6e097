package io.datum.cli.internal;

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
 * One export into the {@code -o} folder of a verb: the output checked against the inputs before
 * anything is touched, written through a {@link StagedOutput}, and failures told in the user's
 * terms — the {@code -o} and input paths as typed, never the hidden staging folder.
 */
final class ExportJob {
    /** An input of the job: where it is and how the user named it. */
    record Input(Path path, String shownName) {
    }

    /** Opens the source(s) to export; called with the job's context. */
    interface SourceOpener {
        DatasetSource open(CliJobContext context) throws IOException;
    }

    private ExportJob() {
    }

    /** Runs the export; returns the output folder. */
    static Path run(Log log, Path output, String shownOutput, boolean overwrite, List<Input> inputs,
                    DatasetExporter exporter, ParsedOptions exportOptions, SourceOpener opener, boolean logExport)
            throws IOException {
        for (Input input : inputs) {
            SeparateFolders.check(input.path(), input.shownName(), output, shownOutput);
        }
        try (StagedOutput folder = StagedOutput.prepare(output, overwrite, shownOutput)) {
            CliJobContext context = new CliJobContext(log, folder.spillDir());
            try (DatasetSource source = opener.open(context)) {
                if (logExport) {
                    log.info("Exporting the dataset");
                }
                source.prepareFor(exporter.options().prog(), exportOptions);
                exporter.export(log.progress().watch(Datasets.readingAhead(source)), folder.workDir(), exportOptions, context);
            } catch (IOException e) {
                throw described(e, folder, shownOutput, inputs);
            } catch (UncheckedIOException e) {
                throw described(e.getCause(), folder, shownOutput, inputs);
            } catch (DatasetException e) {
                throw withoutStaging(e, folder, shownOutput);
            } finally {
                log.progress().finish();
                context.flushWarnings();
            }
            folder.commit();
            return folder.target();
        }
    }

    /**
     * An I/O failure named after what the user gave: a file of an input as the input's path plus
     * the name inside it; a file of the output, or a failure that only writing causes (a full
     * disk, a read-only file system), as a failure to write the output. Others stay as they are.
     */
    private static RuntimeException described(IOException e, StagedOutput folder, String shownOutput, List<Input> inputs) {
        String file = e instanceof FileSystemException ? ((FileSystemException) e).getFile() : null;
        if (file == null && !FileErrors.isWriteOnly(e)) {
            return new UncheckedIOException(e);
        }
        if (file != null) {
            Path path = Path.of(file).toAbsolutePath().normalize();
            for (Input input : inputs) {
                Path root = input.path().toAbsolutePath().normalize();
                if (path.startsWith(root)) {
                    String inside = root.relativize(path).toString();
                    return FileErrors.reading(e, inside.isEmpty() ? input.shownName() : input.shownName() + "/" + inside);
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
