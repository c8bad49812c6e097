package io.datum.openimages.internal;

import io.datum.model.DatasetItem;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.nio.file.Path;

/**
 * The child JVM of {@link BoundedMemoryTest}: reads the Open Images dataset at {@code args[0]}
 * and prints its number of items and of annotations; exits 1 on any failure.
 */
final class ManyDescribedItemsChild {
    private ManyDescribedItemsChild() {
    }

    public static void main(String[] args) {
        try (DatasetSource source = new OpenImagesImporter().open(Path.of(args[0]), ParsedOptions.none(),
                JobContext.collecting());
             ItemCursor items = source.items()) {
            long count = 0;
            long annotations = 0;
            while (items.hasNext()) {
                DatasetItem item = items.next();
                count++;
                annotations += item.annotations().size();
            }
            System.out.println("items " + count + " annotations " + annotations);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
