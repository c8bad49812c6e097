package io.datum.it.fake.lines;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The fake format's items: one id per non-blank line, made into items while they are read, not
 * when the dataset is opened. It sits in a package of its own, and runs with none of the format's
 * service classes on the stack, so that a failure in it shows whether a failure can be traced to
 * the format's bundle from any of its classes. It has a defect on purpose: a comment line is
 * expected to be {@code #} and a number, so a comment such as {@code #x} fails with a
 * {@link NumberFormatException}.
 */
public final class ItemLines implements DatasetSource {
    private final List<String> lines;

    public ItemLines(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    @Override
    public Categories categories() {
        return Categories.empty();
    }

    @Override
    public ItemCursor items() {
        return new ItemCursor() {
            private int next = skip(0);

            @Override
            public boolean hasNext() {
                return next < lines.size();
            }

            @Override
            public DatasetItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String id = lines.get(next).strip();
                next = skip(next + 1);
                return new DatasetItem(id, null, null, List.of());
            }

            @Override
            public void close() {
            }
        };
    }

    /** The index of the first item line from {@code from} on: blank lines and numbered comments are skipped. */
    private int skip(int from) {
        int i = from;
        while (i < lines.size() && (lines.get(i).isBlank() || lines.get(i).startsWith("#"))) {
            if (lines.get(i).startsWith("#")) {
                Integer.parseInt(lines.get(i).substring(1).strip());
            }
            i++;
        }
        return i;
    }

    @Override
    public void close() {
    }
}
