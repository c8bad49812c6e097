package io.datum.spi;

import io.datum.model.Categories;
import io.datum.options.ParsedOptions;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An opened dataset: its categories, known at once, and its items as a stream that can be read
 * more than once (an exporter may count before it writes). Nothing here requires the items to be
 * in memory. Closing the source releases everything it holds.
 */
@ConsumerType
public interface DatasetSource extends AutoCloseable {
    Categories categories();

    /** A new pass over all items, in the source's order. */
    ItemCursor items();

    /** The number of items, when known without a pass. */
    default OptionalLong itemCount() {
        return OptionalLong.empty();
    }

    /**
     * The number of items of each subset in order of first appearance, when known without a pass
     * (an exporter that writes each subset's size first, like CVAT's, can then skip its counting
     * pass). Empty when unknown.
     */
    default Optional<Map<String, Long>> subsetSizes() {
        return Optional.empty();
    }

    /**
     * Told once, before the first pass, which format the items will be written in and with which
     * of that exporter's options. A source may then read what only that writer uses (a format's
     * own columns, say, written back as read) and leave it unread otherwise, so that conversions
     * to other formats pay nothing for it. A source that wraps another passes the hint on. Does
     * nothing by default.
     *
     * @param exportFormat the exporter's format name
     * @param exportOptions the exporter's parsed options
     */
    default void prepareFor(String exportFormat, ParsedOptions exportOptions) {
    }

    @Override
    void close();
}
