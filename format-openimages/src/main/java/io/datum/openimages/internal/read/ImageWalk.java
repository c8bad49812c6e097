package io.datum.openimages.internal.read;

import io.datum.model.Image;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.detect.DatasetLayout;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Locale;

/** Records the image file of each known item, found by walking the {@code images} folder. */
final class ImageWalk {
    private static final int MAX_IMAGE_DEPTH = 10;

    private ImageWalk() {
    }

    /** Where the image files found go, by item id. */
    interface Found {
        /** The folder and extension recorded for the item so far, null when none; null and no record for an unknown item. */
        String[] image(String id);

        /** Whether the item is one to record images of. */
        boolean known(String id);

        void setImage(String id, String dir, String extension);
    }

    static void indexImages(DatasetLayout layout, ItemCatalog catalog) throws IOException {
        indexImages(layout, new Found() {
            @Override
            public String[] image(String id) {
                return catalog.image(catalog.positionOf(id));
            }

            @Override
            public boolean known(String id) {
                return catalog.positionOf(id) >= 0;
            }

            @Override
            public void setImage(String id, String dir, String extension) {
                catalog.setImage(catalog.positionOf(id), dir, extension);
            }
        });
    }

    /**
     * Finds image files: {@code images/<any folder>/<item id><image extension>}. Only
     * files of known items are recorded; when two files give one id, the later in sorted path
     * order wins, whatever order the file system lists them in.
     */
    static void indexImages(DatasetLayout layout, Found catalog) throws IOException {
        Path imagesDir = layout.imagesDir();
        if (!Files.isDirectory(imagesDir)) {
            return;
        }
        // Links are not followed by the walk but judged one by one: one that leads out of the
        // dataset is an error; a file link inside counts as its file; folder links are not entered.
        Path walkRoot = Files.isSymbolicLink(imagesDir) ? imagesDir.toRealPath() : imagesDir;
        Files.walkFileTree(walkRoot, EnumSet.noneOf(FileVisitOption.class), MAX_IMAGE_DEPTH + 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isSymbolicLink() && !Files.isRegularFile(layout.inside().check(file))
                                || !attrs.isSymbolicLink() && !attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        Path relative = walkRoot.relativize(file);
                        int parts = relative.getNameCount();
                        String name = relative.getFileName().toString();
                        String extension = Image.extensionOf(name);
                        if (parts < 2 || !OpenImagesPaths.IMAGE_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT))) {
                            return FileVisitResult.CONTINUE;
                        }
                        StringBuilder id = new StringBuilder();
                        for (int i = 1; i < parts - 1; i++) {
                            id.append(relative.getName(i)).append('/');
                        }
                        id.append(name, 0, name.length() - extension.length());
                        String itemId = id.toString();
                        if (catalog.known(itemId)) {
                            String dir = relative.getName(0).toString();
                            String[] existing = catalog.image(itemId);
                            if (existing == null || laterInWalk(dir, extension, existing[0], existing[1])) {
                                catalog.setImage(itemId, dir, extension);
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Two files of one id differ in their first folder or their extension; compare like a sorted walk. */
    static boolean laterInWalk(String dir, String extension, String otherDir, String otherExtension) {
        int c = dir.compareTo(otherDir);
        return c != 0 ? c > 0 : extension.compareTo(otherExtension) > 0;
    }
}
