package io.datum.spi;

import io.datum.model.Categories;
import io.datum.options.ParsedOptions;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source that passes every call on to the source below it. A stage that changes only some of
 * a source (its categories, its items) extends this and overrides just that, so what it leaves
 * alone — the item counts, the export hint {@link DatasetSource#prepareFor}, closing — still
 * reaches the source below. A stage that drops or adds items overrides {@link #itemCount()} and
 * {@link #subsetSizes()} too (to {@code empty()} when it cannot tell).
 *
 * @since 1.3
 */
@ConsumerType
public abstract class ForwardingSource implements DatasetSource {
    /** The source below, which this one reads and closes. */
    protected final DatasetSource source;

    protected ForwardingSource(DatasetSource source) {
        this.source = source;
    }

    @Override
    public Categories categories() {
        return source.categories();
    }

    @Override
    public ItemCursor items() {
        return source.items();
    }

    @Override
    public OptionalLong itemCount() {
        return source.itemCount();
    }

    @Override
    public Optional<Map<String, Long>> subsetSizes() {
        return source.subsetSizes();
    }

    @Override
    public void prepareFor(String exportFormat, ParsedOptions exportOptions) {
        source.prepareFor(exportFormat, exportOptions);
    }

    @Override
    public void close() {
        source.close();
    }
}
