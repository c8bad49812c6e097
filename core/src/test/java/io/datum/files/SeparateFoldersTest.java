package io.datum.files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeparateFoldersTest {
    @TempDir
    Path tmp;

    private String refusal(Path in, Path out) {
        return assertThrows(DatasetException.class, () -> SeparateFolders.check(in, "IN", out, "OUT")).getMessage();
    }

    @Test
    void refusesOverlaps() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("data"));
        assertEquals("the output folder 'OUT' is the input 'IN'; choose another -o", refusal(in, in));
        assertEquals("the output folder 'OUT' is the input 'IN'; choose another -o",
                refusal(in, tmp.resolve("x/../data/.")));
        assertEquals("the output folder 'OUT' lies inside the input 'IN'; choose another -o",
                refusal(in, in.resolve("new/out")));
        assertEquals("the output folder 'OUT' contains the input 'IN'; choose another -o", refusal(in, tmp));
    }

    @Test
    void seesThroughLinks() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("data"));
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), in);
        refusal(in, alias);
        refusal(alias, in.resolve("sub"));
        refusal(in.resolve("file.xml"), alias);
    }

    @Test
    void acceptsSiblings() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("data"));
        assertDoesNotThrow(() -> SeparateFolders.check(in, "IN", tmp.resolve("data-out"), "OUT"));
        assertDoesNotThrow(() -> SeparateFolders.check(in, "IN", tmp.resolve("datax"), "OUT"));
    }
}
