package io.datum.files;

import java.nio.file.Files;
import java.nio.file.Path;

/** A second process for {@link OwnedFolderTest}: owns a folder until killed. */
public final class OwnedFolderHolder {
    private OwnedFolderHolder() {
    }

    public static void main(String[] args) throws Exception {
        OwnedFolder folder = OwnedFolder.create(Path.of(args[0]));
        Files.createFile(Path.of(args[1]));
        Thread.sleep(120_000);
        folder.close();
    }
}
