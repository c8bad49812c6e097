package io.datum.openimages.internal.detect;

import io.datum.files.FolderPaths;
import io.datum.openimages.internal.OpenImagesPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an Open Images dataset keeps its files: the annotation folder ({@code annotations/}, or
 * the root itself when there is none), its top-level file names (listed once, sorted so that the
 * result does not depend on the machine; docs/differences.md, D7), and the image and mask folders, which are
 * always under the root.
 */
public final class DatasetLayout {
    private final Path root;
    private final FolderPaths inside;
    private final Path annotationDir;
    private final List<String> fileNames;
    /** Made once: a pass asks for them for every item, and each resolve made a new path. */
    private final Path imagesDir;
    private final Path masksDir;

    private DatasetLayout(Path root, FolderPaths inside, Path annotationDir, List<String> fileNames) {
        this.root = root;
        this.inside = inside;
        this.annotationDir = annotationDir;
        this.fileNames = fileNames;
        this.imagesDir = root.resolve(OpenImagesPaths.IMAGES_DIR);
        this.masksDir = root.resolve(OpenImagesPaths.MASKS_DIR);
    }

    /**
     * The layout of the dataset at {@code root}. Every file and folder it names is checked to be
     * really inside {@code root}: a link leading out of it is an error naming the link.
     */
    public static DatasetLayout of(Path root) throws IOException {
        FolderPaths inside = FolderPaths.forReading(root);
        Path annotations = root.resolve(OpenImagesPaths.ANNOTATIONS_DIR);
        Path dir = Files.isDirectory(annotations) ? inside.check(annotations) : root;
        List<String> files = listFiles(dir);
        for (String name : files) {
            inside.check(dir.resolve(name));
        }
        inside.check(root.resolve(OpenImagesPaths.IMAGES_DIR));
        inside.check(root.resolve(OpenImagesPaths.MASKS_DIR));
        return new DatasetLayout(root, inside, dir, files);
    }

    /** Names of the regular files directly in {@code dir}, sorted. */
    public static List<String> listFiles(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    public Path root() {
        return root;
    }

    /** Checks files found or named inside the dataset: a link must not lead out of it. */
    public FolderPaths inside() {
        return inside;
    }

    public Path annotationDir() {
        return annotationDir;
    }

    public Path imagesDir() {
        return imagesDir;
    }

    public Path masksDir() {
        return masksDir;
    }

    public boolean has(String fileName) {
        return fileNames.contains(fileName);
    }

    public Path file(String fileName) {
        return annotationDir.resolve(fileName);
    }

    /** Files matching any of the patterns: pattern by pattern, names sorted within each, no repeats. */
    public List<String> matching(List<String> patterns) {
        Set<String> result = new LinkedHashSet<>();
        for (String pattern : patterns) {
            for (String name : fileNames) {
                if (NamePatterns.matches(pattern, name)) {
                    result.add(name);
                }
            }
        }
        return List.copyOf(result);
    }
}
