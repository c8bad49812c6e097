package io.datum.testkit;

import io.datum.collections.LongHashSet;
import io.datum.model.DatasetItem;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The streaming check's child JVM, started by {@link FormatContract} with a small heap: exports the
 * contract's generated items into a folder and reads them back, comparing counts and an
 * order-independent checksum of the item keys. First it measures what holding the items would
 * take and refuses to run when they would fit into the heap, since the check would then prove
 * nothing. Prints one {@value #RESULT} line and exits 0, or prints the problem and exits 1.
 */
final class StreamingRun {
    static final String RESULT = "streamed ";
    private static final int SAMPLE_ITEMS = 20_000;

    private StreamingRun() {
    }

    /** Arguments: the contract class, the output folder, the item count. */
    public static void main(String[] args) {
        try {
            System.out.println(run(contract(args[0]), Path.of(args[1]), Long.parseLong(args[2])));
            System.exit(0);
        } catch (DatasetException e) {
            System.out.println("DatasetException: " + e.getMessage());
        } catch (Throwable e) {
            e.printStackTrace(System.out);
        }
        System.exit(1);
    }

    /**
     * The author's test class, made here because this JVM has no JUnit engine: it is the only
     * place that knows the format and the items to generate. Its constructor takes no arguments,
     * as JUnit requires too.
     */
    private static FormatContract contract(String className) throws ReflectiveOperationException {
        Class<?> type = ClassLoader.getSystemClassLoader().loadClass(className);
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return (FormatContract) constructor.newInstance();
    }

    static String run(FormatContract contract, Path output, long count) throws Exception {
        long heldBytes = bytesToHold(contract, count);
        long heap = Runtime.getRuntime().maxMemory();
        if (heldBytes < heap) {
            throw new IllegalStateException(count + " generated items would take about " + heldBytes / (1 << 20)
                    + " MiB, which fits into the " + heap / (1 << 20) + " MiB heap: raise streamingItemCount()");
        }
        JobContext context = JobContext.collecting();
        Files.createDirectories(output);
        try (DatasetSource generated = new GeneratedSource(contract.generatedCategories(), count,
                contract::generatedItem)) {
            contract.exporter().export(generated, output, contract.exportOptions(), context);
        }
        long expectedKeys = 0;
        long expectedAnnotations = 0;
        for (long i = 0; i < count; i++) {
            DatasetItem item = contract.generatedItem(i);
            expectedKeys += keyHash(item);
            expectedAnnotations += item.annotations().size();
        }
        long items = 0;
        long keys = 0;
        long annotations = 0;
        try (DatasetSource back = contract.importer().open(output, ParsedOptions.none(), context);
             ItemCursor cursor = back.items()) {
            while (cursor.hasNext()) {
                DatasetItem item = cursor.next();
                items++;
                keys += keyHash(item);
                annotations += item.annotations().size();
            }
        }
        if (items != count || keys != expectedKeys || annotations != expectedAnnotations) {
            throw new IllegalStateException("wrote " + count + " items with " + expectedAnnotations
                    + " annotations, read back " + items + " items with " + annotations + " annotations"
                    + (keys != expectedKeys ? ", and the item ids or subsets differ" : ""));
        }
        return RESULT + count + " items, " + annotations + " annotations in a heap of "
                + heap / (1 << 20) + " MiB (holding them: about " + heldBytes / (1 << 20) + " MiB)";
    }

    /** The heap that {@code count} generated items take, extrapolated from holding a sample of them. */
    private static long bytesToHold(FormatContract contract, long count) {
        long before = usedHeap();
        List<DatasetItem> held = new ArrayList<>(SAMPLE_ITEMS);
        for (int i = 0; i < SAMPLE_ITEMS; i++) {
            held.add(contract.generatedItem(i));
        }
        long after = usedHeap();
        long perItem = Math.max(1, (after - before) / held.size());
        held.clear();
        return perItem * count;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long keyHash(DatasetItem item) {
        return LongHashSet.hash(item.subset() + "/" + item.id());
    }
}
