package io.datum.openimages.internal.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.openimages.internal.read.AnnotationRow.BoxRow;
import io.datum.openimages.internal.read.AnnotationRow.LabelRow;
import io.datum.openimages.internal.read.AnnotationRow.MaskRow;
import io.datum.openimages.internal.read.AnnotationRow.PointRow;
import io.datum.openimages.internal.read.AnnotationRow.RelationRow;
import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.openimages.internal.read.KeptCells;
import io.datum.support.stream.ExternalSort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.datum.support.stream.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sort of annotation rows by item position: order, stability, spilling, merge rounds, the binary form. */
class RowSorterTest {
    @TempDir
    Path temp;

    /** A row and the position of its item. */
    private record Positioned(int position, AnnotationRow row) {
    }

    /** Rows of every kind, in line order, at random positions below {@code positions}. */
    private static List<Positioned> file(int fileIndex, int rows, int positions, Random random) {
        List<Positioned> out = new ArrayList<>();
        for (int line = 2; line < rows + 2; line++) {
            AnnotationRow row = switch (random.nextInt(5)) {
                case 0 -> new LabelRow(fileIndex, line, random.nextInt(600), random.nextDouble());
                case 1 -> new BoxRow(fileIndex, line, random.nextInt(600), 1, random.nextDouble(), random.nextDouble(),
                        random.nextDouble(), random.nextDouble(), random.nextInt(243));
                case 3 -> new PointRow(fileIndex, line, random.nextInt(600), random.nextDouble(), random.nextDouble(),
                        "unsure", random.nextBoolean() ? "" : "ih", random.nextInt(4) - 1, random.nextInt(3), 0,
                        random.nextBoolean() ? "" : "wing, left \u00e9" + line);
                case 4 -> new RelationRow(fileIndex, line, random.nextInt(600), random.nextInt(600),
                        new double[] {0.1, 0.2, 0.3, random.nextDouble()}, new double[] {random.nextDouble(), 0, 1, 0.5},
                        random.nextBoolean() ? "is" : "holds");
                default -> new MaskRow(fileIndex, line, random.nextInt(600), "m" + line + ".png", "b" + line,
                        random.nextBoolean() ? null : new double[] {0.1, 0.2, 0.3, random.nextDouble()},
                        random.nextBoolean() ? null : random.nextDouble());
            };
            out.add(new Positioned(random.nextInt(positions), row));
        }
        return out;
    }

    /** What a row is, arrays included (records show arrays by identity). */
    private static String describe(int position, AnnotationRow row) {
        return position + " " + describe(row);
    }

    private static String describe(AnnotationRow row) {
        if (row instanceof MaskRow m) {
            return "MaskRow[" + m.fileIndex() + ", " + m.line() + ", " + m.label() + ", " + m.maskPath() + ", " + m.boxId()
                    + ", " + Arrays.toString(m.box()) + ", " + m.predictedIou() + "]";
        }
        if (row instanceof RelationRow r) {
            return "RelationRow[" + r.fileIndex() + ", " + r.line() + ", " + r.label() + ", " + r.label2() + ", "
                    + Arrays.toString(r.box1()) + ", " + Arrays.toString(r.box2()) + ", " + r.relationship() + "]";
        }
        return row.toString();
    }

    /** All rows of the files in the expected order: a stable sort by position of the rows in file, then line order. */
    private static List<String> expected(List<List<Positioned>> files) {
        return files.stream().flatMap(List::stream)
                .sorted(Comparator.comparingInt(Positioned::position))
                .map(p -> describe(p.position(), p.row()))
                .collect(Collectors.toList());
    }

    private static void add(RowSorter sorter, int fileIndex, List<Positioned> rows) throws IOException {
        try (RowSorter.FileRows file = sorter.file(fileIndex)) {
            for (Positioned p : rows) {
                file.add(p.position(), p.row());
            }
            file.finish();
        }
    }

    private static List<String> read(RowSorter sorter) throws IOException {
        List<String> out = new ArrayList<>();
        try (RowStream stream = sorter.stream()) {
            while (stream.advance()) {
                out.add(describe(stream.position(), stream.row()));
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).collect(Collectors.toList());
        }
    }

    @Test
    void sortsByPositionThenFileThenLineThroughManyRuns() throws IOException {
        Random random = new Random(11);
        List<List<Positioned>> files = List.of(file(0, 3000, 50, random), file(1, 2000, 50, random),
                file(2, 2500, 3_000_000, random));
        Path spill = Files.createDirectories(temp.resolve("spill"));
        try (RowSorter sorter = new RowSorter(37, spill, Workers.unbounded())) {
            for (int f = 0; f < files.size(); f++) {
                add(sorter, f, files.get(f));
            }
            sorter.finish();
            assertTrue(sorter.spilled());
            assertFalse(list(spill).isEmpty(), "runs on disk while open");
            List<String> first = read(sorter);
            assertEquals(expected(files), first, "rows of a position keep file, then line order over 200 runs");
            assertEquals(first, read(sorter), "a second pass reads the same");
        }
        assertEquals(List.of(), list(spill), "runs are deleted on close");
    }

    @Test
    void filesAddedSideBySideInAnyOrderComeOutInFileOrder() throws Exception {
        Random random = new Random(12);
        List<List<Positioned>> files = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            // few positions: most rows tie with rows of other files
            files.add(file(f, 1000 + 300 * f, 5, random));
        }
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (RowSorter sorter = new RowSorter(64, temp, Workers.unbounded())) {
            List<Future<?>> done = new ArrayList<>();
            for (int f = files.size() - 1; f >= 0; f--) {
                int index = f;
                done.add(threads.submit(() -> {
                    add(sorter, index, files.get(index));
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
            sorter.finish();
            assertEquals(expected(files), read(sorter));
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void cellsKeptAsReadSurviveSpilling() throws IOException {
        List<String> names = List.of("Source", "XClick1X");
        List<Positioned> rows = new ArrayList<>();
        for (int line = 2; line < 200; line++) {
            KeptCells kept = new KeptCells(names, List.of("xclick" + line, line % 2 == 0 ? "" : "0.1250" + line));
            AnnotationRow row = switch (line % 3) {
                case 0 -> new LabelRow(0, line, 1, 1, kept);
                case 1 -> new BoxRow(0, line, 2, 1, 0.1, 0.2, 0.3, 0.4, 5, kept);
                default -> new MaskRow(0, line, 3, "m.png", "b", null, 0.5, line % 4 == 0 ? null : kept);
            };
            rows.add(new Positioned(200 - line, row));
        }
        try (RowSorter sorter = new RowSorter(16, temp, Workers.unbounded())) {
            add(sorter, 0, rows);
            sorter.finish();
            assertTrue(sorter.spilled());
            List<String> read = new ArrayList<>();
            try (RowStream stream = sorter.stream()) {
                while (stream.advance()) {
                    read.add(stream.position() + " " + stream.row().kept());
                }
            }
            List<String> expected = rows.stream().sorted(Comparator.comparingInt(Positioned::position))
                    .map(p -> p.position() + " " + p.row().kept()).collect(Collectors.toList());
            assertEquals(expected, read);
        }
    }

    @Test
    void equalPositionsKeepTheOrderTheyCameIn() throws IOException {
        List<Positioned> rows = new ArrayList<>();
        for (int line = 0; line < 500; line++) {
            rows.add(new Positioned(7, new LabelRow(0, line, line % 3, 1)));
        }
        try (RowSorter sorter = new RowSorter(16, temp, Workers.unbounded())) {
            add(sorter, 0, rows);
            sorter.finish();
            List<Long> lines = new ArrayList<>();
            try (RowStream stream = sorter.stream()) {
                while (stream.advance()) {
                    assertEquals(7, stream.position());
                    lines.add(stream.row().line());
                }
            }
            assertEquals(rows.stream().map(p -> p.row().line()).collect(Collectors.toList()), lines);
        }
    }

    @Test
    void sortsPositionsOfAnySizeAcrossRadixDigits() throws IOException {
        Random random = new Random(13);
        List<Positioned> rows = new ArrayList<>();
        int[] positions = {Integer.MAX_VALUE, 0, 1 << 11, (1 << 11) - 1, 1 << 22, (1 << 22) + 1, Integer.MAX_VALUE - 1};
        for (int line = 0; line < 3000; line++) {
            int position = line % 2 == 0 ? positions[random.nextInt(positions.length)] : random.nextInt(Integer.MAX_VALUE);
            rows.add(new Positioned(position, new LabelRow(0, line, 0, 1)));
        }
        try (RowSorter sorter = new RowSorter(1000, temp, Workers.unbounded())) {
            add(sorter, 0, rows);
            sorter.finish();
            assertEquals(expected(List.of(rows)), read(sorter));
        }
    }

    @Test
    void mergesInRoundsBeyondTheFanIn() throws IOException {
        Random random = new Random(14);
        int runs = ExternalSort.DEFAULT_FAN_IN * 3 + 5;
        List<List<Positioned>> files = List.of(file(0, runs / 2, 20, random), file(1, runs - runs / 2, 20, random));
        Path spill = Files.createDirectories(temp.resolve("spill"));
        try (RowSorter sorter = new RowSorter(1, spill, Workers.unbounded())) {
            for (int f = 0; f < files.size(); f++) {
                add(sorter, f, files.get(f));
            }
            sorter.finish();
            List<Path> left = list(spill);
            // the folder and at most the fan-in of runs
            assertTrue(left.size() <= ExternalSort.DEFAULT_FAN_IN + 1, left.size() + " files");
            assertEquals(expected(files), read(sorter));
        }
        assertEquals(List.of(), list(spill));
    }

    @Test
    void emptyInputHasNoRowsAndNoFiles() throws IOException {
        Path spill = Files.createDirectories(temp.resolve("spill"));
        try (RowSorter sorter = new RowSorter(1, spill, Workers.unbounded())) {
            add(sorter, 0, List.of());
            sorter.finish();
            assertEquals(List.of(), read(sorter));
            assertFalse(sorter.spilled());
        }
        try (RowSorter sorter = new RowSorter(1, spill, Workers.unbounded())) {
            sorter.finish();
            assertEquals(List.of(), read(sorter));
        }
        assertEquals(List.of(), list(spill));
    }

    @Test
    void smallInputStaysInMemory() throws IOException {
        Random random = new Random(15);
        List<List<Positioned>> files = List.of(file(0, 300, 40, random), file(1, 300, 40, random));
        Path spill = Files.createDirectories(temp.resolve("spill"));
        try (RowSorter sorter = new RowSorter(600, spill, Workers.unbounded())) {
            add(sorter, 0, files.get(0));
            add(sorter, 1, files.get(1));
            sorter.finish();
            assertFalse(sorter.spilled());
            assertEquals(List.of(), list(spill));
            assertEquals(expected(files), read(sorter));
        }
    }

    @Test
    void rowsReadBackExactly() throws IOException {
        String longText = "é".repeat(300_000);
        double nanWithPayload = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);
        List<Positioned> rows = List.of(
                new Positioned(3, new LabelRow(2, Long.MAX_VALUE, 0, nanWithPayload)),
                new Positioned(1, new BoxRow(2, 5, Integer.MAX_VALUE, -0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
                        -1e300, 0.1 + 0.2, 242)),
                new Positioned(2, new MaskRow(2, 6, 1, longText, "ü/β", null, null)),
                new Positioned(2, new MaskRow(2, 7, 1, "a.png", "", new double[] {1, 2, 3, 4}, -0.0)));
        for (int rowsPerRun : new int[] {1, 100}) {
            try (RowSorter sorter = new RowSorter(rowsPerRun, temp, Workers.unbounded())) {
                add(sorter, 2, rows);
                sorter.finish();
                List<AnnotationRow> got = new ArrayList<>();
                try (RowStream stream = sorter.stream()) {
                    while (stream.advance()) {
                        got.add(stream.row());
                    }
                }
                assertEquals(Stream.of(1, 2, 3, 0).map(i -> describe(rows.get(i).row())).collect(Collectors.toList()),
                        got.stream().map(RowSorterTest::describe).collect(Collectors.toList()), "runs of " + rowsPerRun);
                assertEquals(0x7ff8_0000_0000_1234L, Double.doubleToRawLongBits(((LabelRow) got.get(3)).confidence()));
                assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(((BoxRow) got.get(0)).confidence()));
                assertEquals(longText, ((MaskRow) got.get(1)).maskPath());
                assertEquals(Double.doubleToRawLongBits(-0.0),
                        Double.doubleToRawLongBits(((MaskRow) got.get(2)).predictedIou()));
                assertEquals("[1.0, 2.0, 3.0, 4.0]", Arrays.toString(((MaskRow) got.get(2)).box()));
            }
        }
    }

    @Test
    void leavesNothingBehindWhenAddingFails() throws IOException {
        Random random = new Random(16);
        Path spill = Files.createDirectories(temp.resolve("spill"));
        RowSorter sorter = new RowSorter(10, spill, Workers.unbounded());
        try (RowSorter.FileRows file = sorter.file(0)) {
            for (Positioned p : file(0, 95, 10, random)) {
                file.add(p.position(), p.row());
            }
            // a failure here: the file is closed without finish()
        }
        assertFalse(list(spill).isEmpty());
        sorter.close();
        assertEquals(List.of(), list(spill));
    }
}
