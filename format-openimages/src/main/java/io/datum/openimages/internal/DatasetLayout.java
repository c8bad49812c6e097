package io.datum.openimages.internal;

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
 * result does not depend on the machine, decisions D7), and the image and mask folders, which are
 * always under the root.
 */
final class DatasetLayout {
    private final Path root;
    private final Path annotationDir;
    private final List<String> fileNames;

    private DatasetLayout(Path root, Path annotationDir, List<String> fileNames) {
        this.root = root;
        this.annotationDir = annotationDir;
        this.fileNames = fileNames;
    }

    static DatasetLayout of(Path root) throws IOException {
        Path annotations = root.resolve(OpenImagesPaths.ANNOTATIONS_DIR);
        Path dir = Files.isDirectory(annotations) ? annotations : root;
        return new DatasetLayout(root, dir, listFiles(dir));
    }

    /** Names of the regular files directly in {@code dir}, sorted. */
    static List<String> listFiles(Path dir) throws IOException {
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

    Path root() {
        return root;
    }

    Path annotationDir() {
        return annotationDir;
    }

    Path imagesDir() {
        return root.resolve(OpenImagesPaths.IMAGES_DIR);
    }

    Path masksDir() {
        return root.resolve(OpenImagesPaths.MASKS_DIR);
    }

    boolean has(String fileName) {
        return fileNames.contains(fileName);
    }

    Path file(String fileName) {
        return annotationDir.resolve(fileName);
    }

    /** Files matching any of the patterns: pattern by pattern, names sorted within each, no repeats. */
    List<String> matching(List<String> patterns) {
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
