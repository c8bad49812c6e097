package io.datum.support.stream;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * How a record of an {@link ExternalSort} goes to a spill file and back. A format implements it
 * for its own records; {@link #read} must give back a record equal (for the sort's order and for
 * the format) to the one {@link #write} wrote.
 *
 * @param <T> the records
 */
@ConsumerType
public interface RecordCodec<T> {
    void write(DataOutput out, T record) throws IOException;

    T read(DataInput in) throws IOException;

    /**
     * Plain {@code long}s (ids, hashes, packed positions), eight bytes each.
     *
     * @since 1.1
     */
    static RecordCodec<Long> longs() {
        return new RecordCodec<>() {
            @Override
            public void write(DataOutput out, Long value) throws IOException {
                out.writeLong(value);
            }

            @Override
            public Long read(DataInput in) throws IOException {
                return in.readLong();
            }
        };
    }

    /** A string of any length ({@link DataOutput#writeUTF} stops at 64 KiB): its UTF-8 length, then the bytes. */
    static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A string written by {@link #writeString}. */
    static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
