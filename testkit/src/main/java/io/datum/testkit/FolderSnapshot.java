package io.datum.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a folder holds, without following links: each entry's relative path with its kind and, for
 * a file, a digest of its content, for a link its target. Two snapshots are equal when nothing was
 * added, removed or changed.
 */
final class FolderSnapshot {
    private FolderSnapshot() {
    }

    /** The entries of {@code root}, leaving out the subtree {@code skipped} (may be null). */
    static Map<String, String> of(Path root, Path skipped) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(skipped)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entries.put(root.relativize(dir).toString() + "/", "folder");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = root.relativize(file).toString();
                if (attrs.isSymbolicLink()) {
                    entries.put(name, "link to " + Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    entries.put(name, "file " + digest(file));
                } else {
                    entries.put(name, "other");
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
