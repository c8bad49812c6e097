package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.ImageSize;
import io.datum.openimages.internal.media.PngMask;
import io.datum.openimages.internal.read.IdTable;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The id table, the external sorter and mask scaling. */
class StorageTest {
    @TempDir
    Path temp;

    @Test
    void idTableKeepsInsertionOrdinals() {
        IdTable table = new IdTable();
        List<String> ids = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            ids.add(i % 7 == 0 ? "ü/" + i : String.format("%016x", random.nextLong()));
        }
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, table.add(ids.get(i)));
        }
        assertEquals(5, table.add(ids.get(5)), "adding again gives the same ordinal");
        assertEquals(ids.size(), table.size());
        for (int i = 0; i < ids.size(); i += 97) {
            assertEquals(i, table.get(ids.get(i)));
            assertEquals(ids.get(i), table.id(i));
        }
        assertEquals(-1, table.get("missing"));
    }

    @Test
    void idTableLooksUpBatchesLikeOneByOne() {
        IdTable table = new IdTable();
        Random random = new Random(4);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            ids.add(i % 11 == 0 ? "ü/" + i : String.format("%016x", random.nextLong()));
        }
        // "Aa" and "BB" hash alike: whole keys must be compared
        ids.addAll(List.of("xAa", "xBB", "AaAa", "BBBB", "AaBB"));
        ids.forEach(table::add);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            queries.add(random.nextInt(4) == 0 ? "missing" + i : ids.get(random.nextInt(ids.size())));
        }
        queries.addAll(List.of("xBB", "xAa", "BBAa", "BBBB", "AaBB", "AaAa", ""));
        IdTable.Batch batch = new IdTable.Batch(256);
        List<Integer> expected = new ArrayList<>();
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            byte[] key = queries.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            batch.add(key, 0, key.length);
            expected.add(table.get(queries.get(i)));
            if (batch.isFull() || i == queries.size() - 1) {
                table.getAll(batch);
                for (int k = 0; k < batch.size(); k++) {
                    got.add(batch.ordinal(k));
                }
                batch.clear();
            }
        }
        assertEquals(expected, got);
        assertEquals(ids.indexOf("xBB"), got.get(got.size() - 7));
        assertEquals(-1, got.get(got.size() - 5), "BBAa is not there, though its hash is");
    }

    @Test
    void readsMaskPngsLazilyWithinTheLimit() {
        Path png = Fixtures.bitPng(temp.resolve("m.png"), 4, 1, 0, 1, 1, 0);
        PngMask mask = new PngMask(png, "masks/s/m.png", new ImageSize(8, 2), 1000);
        assertEquals(8, mask.width());
        assertArrayEquals(new byte[] {0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0}, mask.pixels());
        PngMask tooLarge = new PngMask(png, "masks/s/m.png", new ImageSize(2, 2), 3);
        DatasetException e = assertThrows(DatasetException.class, tooLarge::pixels);
        assertTrue(e.getMessage().startsWith("masks/s/m.png: mask too large"), e.getMessage());
        PngMask sourceTooLarge = new PngMask(png, "masks/s/m.png", new ImageSize(1, 1), 3);
        assertTrue(assertThrows(DatasetException.class, sourceTooLarge::pixels).getMessage()
                .contains("its size 4x1 is 4 pixels"));
        assertFalse(Files.exists(temp.resolve("nothing-decoded")));
    }
}
