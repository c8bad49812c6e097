package io.datum.spi;

import io.datum.model.DatasetItem;
import java.util.Iterator;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One pass over a source's items. Closing it releases what the pass opened (files, spill
 * files). {@code next()} throws {@link DatasetException} for bad input.
 */
@ConsumerType
public interface ItemCursor extends Iterator<DatasetItem>, AutoCloseable {
    @Override
    void close();
}
