package io.datum.cvat.internal.xml;

import io.datum.cvat.internal.CvatNames;
import io.datum.files.FolderPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a CVAT dataset's XML files are: {@code *.xml} in the folder, else one, two or three
 * folders down, stopping at the first depth that has any, as Datumaro searches for sources.
 * Hidden names are skipped; files come in name order (docs/differences.md, D7), not listing order.
 */
public final class XmlSources {
    public static final int MAX_DEPTH = 4;

    private XmlSources() {
    }

    public static List<Path> find(Path root) throws IOException {
        FolderPaths inside = FolderPaths.forReading(root);
        List<Path> folders = List.of(root);
        for (int depth = 1; depth <= MAX_DEPTH && !folders.isEmpty(); depth++) {
            List<Path> found = new ArrayList<>();
            List<Path> below = new ArrayList<>();
            for (Path folder : folders) {
                for (Path entry : visibleEntries(folder)) {
                    if (Files.isSymbolicLink(entry)) {
                        // a link leading out of the dataset is an error, not a place to look
                        inside.check(entry);
                    }
                    if (Files.isDirectory(entry)) {
                        below.add(entry);
                    } else if (entry.getFileName().toString().endsWith(CvatNames.XML_EXTENSION) && Files.isRegularFile(entry)) {
                        found.add(entry);
                    }
                }
            }
            if (!found.isEmpty()) {
                found.sort(Comparator.comparing(p -> shownName(root, p)));
                return found;
            }
            folders = below;
        }
        return List.of();
    }

    /** The visible entries of a folder, sorted by name. */
    public static List<Path> visibleEntries(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                if (!p.getFileName().toString().startsWith(".")) {
                    entries.add(p);
                }
            }
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }

    /** How messages name a file of the dataset: relative to its root, with '/'. */
    public static String shownName(Path root, Path file) {
        Path rel = root.relativize(file);
        return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    }
}
