package io.datum.core.internal.validate;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A list that grows with the dataset (items without annotations, annotations far from the mean),
 * kept in a file of the run's spill folder instead of the heap and read back, as often as needed,
 * once writing is over. Values are JSON-like trees: strings, longs, doubles, lists and maps with
 * string keys. Values collect in a small buffer that is appended to the file when full, so that a
 * validation with thousands of such lists (one per label and attribute) holds no open file per
 * list; a list that stays empty costs no file.
 */
final class Spill implements Iterable<Object> {
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int DOUBLE = 3;
    private static final int LIST = 4;
    private static final int MAP = 5;

    private static final int BUFFER = 2048;

    private final Path folder;
    private Path file;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(pending);
    private long size;

    Spill(Path folder) {
        this.folder = folder;
    }

    void add(Object value) {
        try {
            write(out, value);
            size++;
            if (pending.size() >= BUFFER) {
                finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long size() {
        return size;
    }

    /** The buffered values go to the end of the file; done before the values are read. */
    void finish() {
        if (pending.size() == 0) {
            return;
        }
        try {
            if (file == null) {
                file = Files.createTempFile(folder, "validate-", ".bin");
            }
            try (OutputStream append = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                pending.writeTo(append);
            }
            pending.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Iterator<Object> iterator() {
        if (size == 0) {
            return List.of().iterator();
        }
        finish();
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Iterator<>() {
            long read;

            @Override
            public boolean hasNext() {
                if (read < size) {
                    return true;
                }
                close(in);
                return false;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                read++;
                try {
                    return Spill.read(in);
                } catch (IOException e) {
                    close(in);
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * The values, each a two-element list {@code [key, value]}, as a map in the order written: a
     * JSON object as large as the list, never held.
     */
    Map<String, Object> asMap() {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Object>> iterator() {
                        Iterator<Object> pairs = Spill.this.iterator();
                        return new Iterator<>() {
                            @Override
                            public boolean hasNext() {
                                return pairs.hasNext();
                            }

                            @Override
                            public Entry<String, Object> next() {
                                List<?> pair = (List<?>) pairs.next();
                                return Map.entry((String) pair.get(0), pair.get(1));
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return (int) Math.min(Integer.MAX_VALUE, size);
                    }
                };
            }
        };
    }

    private static void close(DataInputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // read to the end already: nothing is lost
        }
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value instanceof String s) {
            out.writeByte(STRING);
            out.writeUTF(s);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Number n) {
            out.writeByte(LONG);
            out.writeLong(n.longValue());
        } else if (value instanceof List<?> l) {
            out.writeByte(LIST);
            out.writeInt(l.size());
            for (Object o : l) {
                write(out, o);
            }
        } else if (value instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.writeUTF((String) e.getKey());
                write(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("not a spillable value: " + value);
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int tag = in.read();
        switch (tag) {
            case STRING:
                return in.readUTF();
            case DOUBLE:
                return in.readDouble();
            case LONG:
                return in.readLong();
            case LIST: {
                int n = in.readInt();
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(read(in));
                }
                return l;
            }
            case MAP: {
                int n = in.readInt();
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(in.readUTF(), read(in));
                }
                return m;
            }
            case -1:
                throw new EOFException("spill file ended early");
            default:
                throw new IOException("spill file damaged: tag " + tag);
        }
    }
}
