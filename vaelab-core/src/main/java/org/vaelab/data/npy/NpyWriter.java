package org.vaelab.data.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Streams an array of known shape into an .npy file, rows at a time, so arrays larger than memory can be
 * written. Data goes to a temporary file next to the target, which replaces the target only when
 * {@link #close()} finds every element written: readers never see a partial file.
 *
 * <pre>{@code
 * try (NpyWriter out = NpyWriter.create(path, NpyDtype.FLOAT32, n, d)) {
 *     for (...) out.writeRows(batch, 0, rowsInBatch * d);
 * }
 * }</pre>
 */
public final class NpyWriter implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path target;
    private final Path temporary;
    private final NpyHeader header;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long elementsWritten;
    private boolean closed;

    private NpyWriter(Path target, Path temporary, NpyHeader header, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.header = header;
        this.channel = channel;
    }

    /** Creates parent directories and starts writing; the target appears on a complete {@link #close()}. */
    public static NpyWriter create(Path path, NpyDtype dtype, long... shape) throws IOException {
        NpyHeader header = new NpyHeader(dtype, shape);
        Path target = path.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Not Files.createTempFile: its owner-only permissions would carry over to the renamed target.
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer encoded = ByteBuffer.wrap(header.encode());
            while (encoded.hasRemaining()) {
                channel.write(encoded);
            }
            return new NpyWriter(target, temporary, header, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    public NpyHeader header() {
        return header;
    }

    public long elementsWritten() {
        return elementsWritten;
    }

    public long rowsWritten() {
        long rowLength = header.rowLength();
        return rowLength == 0 ? 0 : elementsWritten / rowLength;
    }

    /** Appends whole rows; {@code length} values from {@code offset}, a multiple of the row length. */
    public void writeRows(float[] values, int offset, int length) throws IOException {
        begin(NpyDtype.FLOAT32, values.length, offset, length);
        for (int i = offset; i < offset + length; i++) {
            room(Float.BYTES).putFloat(values[i]);
        }
        elementsWritten += length;
    }

    public void writeRows(double[] values, int offset, int length) throws IOException {
        begin(NpyDtype.FLOAT64, values.length, offset, length);
        for (int i = offset; i < offset + length; i++) {
            room(Double.BYTES).putDouble(values[i]);
        }
        elementsWritten += length;
    }

    public void writeRows(int[] values, int offset, int length) throws IOException {
        begin(NpyDtype.INT32, values.length, offset, length);
        for (int i = offset; i < offset + length; i++) {
            room(Integer.BYTES).putInt(values[i]);
        }
        elementsWritten += length;
    }

    public void writeRows(long[] values, int offset, int length) throws IOException {
        begin(NpyDtype.INT64, values.length, offset, length);
        for (int i = offset; i < offset + length; i++) {
            room(Long.BYTES).putLong(values[i]);
        }
        elementsWritten += length;
    }

    /** Appends whole rows of uint8 values. */
    public void writeRows(byte[] values, int offset, int length) throws IOException {
        begin(NpyDtype.UINT8, values.length, offset, length);
        int done = 0;
        while (done < length) {
            int count = Math.min(length - done, room(1).remaining());
            buffer.put(values, offset + done, count);
            done += count;
        }
        elementsWritten += length;
    }

    public void writeRows(float[] values) throws IOException {
        writeRows(values, 0, values.length);
    }

    public void writeRows(double[] values) throws IOException {
        writeRows(values, 0, values.length);
    }

    public void writeRows(int[] values) throws IOException {
        writeRows(values, 0, values.length);
    }

    public void writeRows(long[] values) throws IOException {
        writeRows(values, 0, values.length);
    }

    public void writeRows(byte[] values) throws IOException {
        writeRows(values, 0, values.length);
    }

    /**
     * Moves the finished file into place. If fewer elements were written than the shape holds, the
     * temporary file is deleted instead, the target is left untouched, and this throws.
     *
     * @throws IllegalStateException if the array is incomplete
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean moved = false;
        try {
            if (elementsWritten != header.elementCount()) {
                throw new IllegalStateException(target + ": only " + elementsWritten + " of " + header.elementCount()
                        + " elements of " + header + " were written; the file was not created");
            }
            flush();
            channel.force(false);
            channel.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                channel.close();
                Files.deleteIfExists(temporary);
            }
        }
    }

    private void begin(NpyDtype dtype, int arrayLength, int offset, int length) {
        if (closed) {
            throw new IllegalStateException(target + " is already closed");
        }
        if (dtype != header.dtype()) {
            throw new IllegalArgumentException("writer for " + header.dtype().numpyName() + " data was given "
                    + dtype.numpyName() + " values");
        }
        if (offset < 0 || length < 0 || offset > arrayLength - length) {
            throw new IndexOutOfBoundsException("values [" + offset + ", " + ((long) offset + length)
                    + ") of an array of " + arrayLength);
        }
        long rowLength = header.rowLength();
        if (rowLength == 0 ? length != 0 : length % rowLength != 0) {
            throw new IllegalArgumentException(length + " values are not whole rows of " + rowLength);
        }
        if (length > header.elementCount() - elementsWritten) {
            throw new IllegalArgumentException("writing " + length + " more values would exceed shape "
                    + header.shapeString() + " (" + elementsWritten + " of " + header.elementCount() + " written)");
        }
    }

    /** The buffer, emptied first if it has fewer than {@code bytes} free. */
    private ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
