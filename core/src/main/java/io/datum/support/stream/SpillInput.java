package io.datum.support.stream;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A run read back: {@link DataInput} straight from a byte array, refilled from the run's file
 * (or the whole run when it stayed in memory). Unlike {@code DataInputStream} over a buffered
 * stream, a field costs no stream call and no lock, which matters for runs of millions of records.
 */
final class SpillInput implements DataInput {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Null when the run is in memory: then {@code buf} is all of it. */
    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;

    SpillInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    SpillInput(byte[] run, int length) {
        this.in = null;
        this.buf = run;
        this.limit = length;
    }

    /** True when every byte of the run was read. */
    boolean atEnd() throws IOException {
        return limit == pos && !fill(1);
    }

    /** Makes {@code n} bytes readable at {@code pos}; false when the run ends before (some may be left). */
    private boolean fill(int n) throws IOException {
        if (in == null) {
            return limit - pos >= n;
        }
        int kept = limit - pos;
        byte[] target = n > buf.length ? new byte[Math.max(n, buf.length * 2)] : buf;
        System.arraycopy(buf, pos, target, 0, kept);
        buf = target;
        pos = 0;
        limit = kept;
        while (limit < n) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    private void need(int n) throws IOException {
        if (limit - pos < n && !fill(n)) {
            throw new EOFException("the run ends inside a record");
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        if (len <= buf.length) {
            need(len);
            System.arraycopy(buf, pos, b, off, len);
            pos += len;
            return;
        }
        int first = limit - pos;
        System.arraycopy(buf, pos, b, off, first);
        pos = limit;
        int done = first;
        while (done < len) {
            int read = in.read(b, off + done, len - done);
            if (read < 0) {
                throw new EOFException("the run ends inside a record");
            }
            done += read;
        }
    }

    @Override
    public int skipBytes(int n) throws IOException {
        need(n);
        pos += n;
        return n;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        need(1);
        return buf[pos++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        need(Short.BYTES);
        short v = (short) SHORT.get(buf, pos);
        pos += Short.BYTES;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        need(Integer.BYTES);
        int v = (int) INT.get(buf, pos);
        pos += Integer.BYTES;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        need(Long.BYTES);
        long v = (long) LONG.get(buf, pos);
        pos += Long.BYTES;
        return v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Lines are not a record form: a codec reads what it wrote with the other methods. */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("readLine in a sort run");
    }

    @Override
    public String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }

    void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // a read-only temporary file: nothing to recover
            }
        }
    }
}
