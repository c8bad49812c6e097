package io.datum.openimages.internal.write;

import io.datum.model.MaskData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing mask PNGs. */
final class MediaFiles {
    private MediaFiles() {
    }

    /** A single-channel 8-bit PNG holding {@code pixels} as they are (0/1 for boolean masks). */
    static void saveMaskPng(Path target, MaskData mask) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            GreyPng.write(temp, mask);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
