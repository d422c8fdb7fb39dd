package org.vaelab.data.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vaelab.UserInputException;

/**
 * An .npy file opened for reading, memory-mapped so that arrays larger than 2 GiB can be streamed row by row.
 * A row is one index of the first axis (for shape [n, d], a vector of d elements). Reads convert to the
 * requested Java type where that is lossless or a widening; reads are safe from several threads.
 */
public final class NpyFile implements AutoCloseable {

    /** FileChannel.map is limited to 2 GiB per mapping; 1 GiB is a multiple of every element size. */
    static final long DEFAULT_CHUNK_BYTES = 1L << 30;
    /** Largest Java array the JVM reliably allocates. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final Path path;
    private final NpyHeader header;
    private final long chunkBytes;
    private volatile ByteBuffer[] chunks;

    private NpyFile(Path path, NpyHeader header, long chunkBytes, ByteBuffer[] chunks) {
        this.path = path;
        this.header = header;
        this.chunkBytes = chunkBytes;
        this.chunks = chunks;
    }

    /**
     * Opens and validates {@code path}: header, dtype, C order and that the data is all there.
     *
     * @throws UserInputException if the file is missing, not an .npy file, or holds data vaelab cannot read
     */
    public static NpyFile open(Path path) throws IOException {
        return open(path, DEFAULT_CHUNK_BYTES);
    }

    /** As {@link #open(Path)}, with mappings of at most {@code maxChunkBytes}; small chunks test chunk boundaries. */
    static NpyFile open(Path path, long maxChunkBytes) throws IOException {
        String source = path.toString();
        if (!Files.exists(path)) {
            throw new UserInputException("no such file: " + source);
        }
        if (!Files.isRegularFile(path)) {
            throw new UserInputException(source + " is not a regular file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            NpyHeader header = NpyHeader.read(channel, source);
            long dataOffset = channel.position();
            long available = channel.size() - dataOffset;
            if (available < header.dataByteCount()) {
                throw new UserInputException(source + " is truncated: " + header.dtype().numpyName() + " array of shape "
                        + header.shapeString() + " needs " + header.dataByteCount() + " data bytes but the file holds "
                        + available);
            }
            int itemSize = header.dtype().byteSize();
            long chunkBytes = Math.max(itemSize, maxChunkBytes - maxChunkBytes % itemSize);
            long dataBytes = header.dataByteCount();
            ByteBuffer[] chunks = new ByteBuffer[(int) ((dataBytes + chunkBytes - 1) / chunkBytes)];
            for (int i = 0; i < chunks.length; i++) {
                long start = i * chunkBytes;
                long size = Math.min(chunkBytes, dataBytes - start);
                // Mappings stay valid after the channel is closed, so no file handle is held open.
                chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, dataOffset + start, size);
            }
            return new NpyFile(path, header, chunkBytes, chunks);
        }
    }

    public Path path() {
        return path;
    }

    public NpyHeader header() {
        return header;
    }

    public NpyDtype dtype() {
        return header.dtype();
    }

    public long[] shape() {
        return header.shape();
    }

    public long rowCount() {
        return header.rowCount();
    }

    public long rowLength() {
        return header.rowLength();
    }

    /**
     * Checks the number of axes, e.g. 2 for a matrix of codes.
     *
     * @return this file, for chaining
     * @throws UserInputException naming the actual shape
     */
    public NpyFile requireRank(int rank) {
        if (header.rank() != rank) {
            throw new UserInputException(path + " has shape " + header.shapeString() + "; expected a " + rank
                    + "-dimensional array");
        }
        return this;
    }

    /** Reads rows [firstRow, firstRow + rows) into {@code out} from {@code offset}, converting any dtype. */
    public void readRows(long firstRow, int rows, float[] out, int offset) {
        forEachSpan(firstRow, rows, out.length, offset, (span, count, at) -> {
            switch (header.dtype()) {
                case FLOAT32 -> span.asFloatBuffer().get(out, at, count);
                case FLOAT64 -> {
                    DoubleBuffer values = span.asDoubleBuffer();
                    for (int i = 0; i < count; i++) {
                        out[at + i] = (float) values.get(i);
                    }
                }
                case INT32 -> {
                    IntBuffer values = span.asIntBuffer();
                    for (int i = 0; i < count; i++) {
                        out[at + i] = values.get(i);
                    }
                }
                case INT64 -> {
                    LongBuffer values = span.asLongBuffer();
                    for (int i = 0; i < count; i++) {
                        out[at + i] = values.get(i);
                    }
                }
                case UINT8 -> {
                    for (int i = 0; i < count; i++) {
                        out[at + i] = span.get(i) & 0xFF;
                    }
                }
            }
        });
    }

    /** Reads rows [firstRow, firstRow + rows) into {@code out} from {@code offset}, converting any dtype. */
    public void readRows(long firstRow, int rows, double[] out, int offset) {
        forEachSpan(firstRow, rows, out.length, offset, (span, count, at) -> {
            switch (header.dtype()) {
                case FLOAT32 -> {
                    FloatBuffer values = span.asFloatBuffer();
                    for (int i = 0; i < count; i++) {
                        out[at + i] = values.get(i);
                    }
                }
                case FLOAT64 -> span.asDoubleBuffer().get(out, at, count);
                case INT32 -> {
                    IntBuffer values = span.asIntBuffer();
                    for (int i = 0; i < count; i++) {
                        out[at + i] = values.get(i);
                    }
                }
                case INT64 -> {
                    LongBuffer values = span.asLongBuffer();
                    for (int i = 0; i < count; i++) {
                        out[at + i] = values.get(i);
                    }
                }
                case UINT8 -> {
                    for (int i = 0; i < count; i++) {
                        out[at + i] = span.get(i) & 0xFF;
                    }
                }
            }
        });
    }

    /**
     * Reads rows of an integer array (int32, int64 or uint8).
     *
     * @throws UserInputException if the file holds floats or an int64 value outside the int range
     */
    public void readRows(long firstRow, int rows, int[] out, int offset) {
        requireInteger("int32");
        forEachSpan(firstRow, rows, out.length, offset, (span, count, at) -> {
            switch (header.dtype()) {
                case INT32 -> span.asIntBuffer().get(out, at, count);
                case INT64 -> {
                    LongBuffer values = span.asLongBuffer();
                    for (int i = 0; i < count; i++) {
                        long value = values.get(i);
                        if (value != (int) value) {
                            throw new UserInputException(path + " holds the value " + value
                                    + ", which does not fit in a 32-bit integer");
                        }
                        out[at + i] = (int) value;
                    }
                }
                case UINT8 -> {
                    for (int i = 0; i < count; i++) {
                        out[at + i] = span.get(i) & 0xFF;
                    }
                }
                default -> throw new AssertionError(header.dtype());
            }
        });
    }

    /**
     * Reads rows of an integer array (int32, int64 or uint8).
     *
     * @throws UserInputException if the file holds floats
     */
    public void readRows(long firstRow, int rows, long[] out, int offset) {
        requireInteger("int64");
        forEachSpan(firstRow, rows, out.length, offset, (span, count, at) -> {
            switch (header.dtype()) {
                case INT32 -> {
                    IntBuffer values = span.asIntBuffer();
                    for (int i = 0; i < count; i++) {
                        out[at + i] = values.get(i);
                    }
                }
                case INT64 -> span.asLongBuffer().get(out, at, count);
                case UINT8 -> {
                    for (int i = 0; i < count; i++) {
                        out[at + i] = span.get(i) & 0xFF;
                    }
                }
                default -> throw new AssertionError(header.dtype());
            }
        });
    }

    /**
     * Reads rows of a uint8 array as raw bytes (Java bytes are signed: mask with 0xFF).
     *
     * @throws UserInputException if the file is not uint8
     */
    public void readRows(long firstRow, int rows, byte[] out, int offset) {
        if (header.dtype() != NpyDtype.UINT8) {
            throw new UserInputException(path + " holds " + header.dtype().numpyName() + " values; expected uint8");
        }
        forEachSpan(firstRow, rows, out.length, offset, (span, count, at) -> span.get(0, out, at, count));
    }

    /**
     * Reads the whole array into memory in its own dtype.
     *
     * @throws UserInputException if it has more elements than a Java array can hold, or does not fit in the heap
     */
    public NpyArray readAll() {
        long count = header.elementCount();
        if (count > MAX_ARRAY_LENGTH) {
            throw new UserInputException(path + " has " + count + " elements, too many to load at once; it has to "
                    + "be read row by row");
        }
        try {
            return readAll((int) count);
        } catch (OutOfMemoryError e) {
            // One huge allocation failed, nothing else was lost: safe to report and carry on.
            throw new UserInputException(path + " (" + header.dataByteCount() + " bytes) does not fit in the Java heap;"
                    + " raise -Xmx or read it row by row");
        }
    }

    private NpyArray readAll(int count) {
        long[] shape = header.shape();
        // An empty array may still have a long first axis, e.g. shape (n, 0).
        int rows = count == 0 ? 0 : (int) rowCount();
        return switch (header.dtype()) {
            case FLOAT32 -> {
                float[] data = new float[count];
                readRows(0, rows, data, 0);
                yield NpyArray.of(data, shape);
            }
            case FLOAT64 -> {
                double[] data = new double[count];
                readRows(0, rows, data, 0);
                yield NpyArray.of(data, shape);
            }
            case INT32 -> {
                int[] data = new int[count];
                readRows(0, rows, data, 0);
                yield NpyArray.of(data, shape);
            }
            case INT64 -> {
                long[] data = new long[count];
                readRows(0, rows, data, 0);
                yield NpyArray.of(data, shape);
            }
            case UINT8 -> {
                byte[] data = new byte[count];
                readRows(0, rows, data, 0);
                yield NpyArray.of(data, shape);
            }
        };
    }

    /** Drops the mappings; the memory is unmapped once they are garbage-collected. */
    @Override
    public void close() {
        chunks = null;
    }

    private void requireInteger(String target) {
        if (!header.dtype().isInteger()) {
            throw new UserInputException(path + " holds " + header.dtype().numpyName() + " values; expected integers ("
                    + target + ", or a type that converts to it exactly: int32, int64, uint8)");
        }
    }

    /** Receives a little-endian slice of {@code count} elements, to be stored at output index {@code at}. */
    @FunctionalInterface
    private interface SpanReader {
        void read(ByteBuffer span, int count, int at);
    }

    /** Splits the requested rows at mapping boundaries; elements never straddle one (chunks hold whole elements). */
    private void forEachSpan(long firstRow, int rows, int outLength, int offset, SpanReader reader) {
        ByteBuffer[] mapped = chunks;
        if (mapped == null) {
            throw new IllegalStateException(path + " is closed");
        }
        if (firstRow < 0 || rows < 0 || firstRow > rowCount() - rows) {
            throw new IndexOutOfBoundsException("rows [" + firstRow + ", " + (firstRow + rows) + ") of " + rowCount());
        }
        long total = rows * rowLength();
        if (offset < 0 || total > outLength - (long) offset) {
            throw new IndexOutOfBoundsException(rows + " rows of " + rowLength() + " elements do not fit in an array of "
                    + outLength + " from offset " + offset);
        }
        int itemSize = header.dtype().byteSize();
        long byteOffset = firstRow * rowLength() * itemSize;
        int done = 0;
        while (done < total) {
            ByteBuffer chunk = mapped[(int) (byteOffset / chunkBytes)];
            int inChunk = (int) (byteOffset % chunkBytes);
            int count = (int) Math.min(total - done, (chunk.capacity() - inChunk) / itemSize);
            ByteBuffer span = chunk.slice(inChunk, count * itemSize).order(ByteOrder.LITTLE_ENDIAN);
            reader.read(span, count, offset + done);
            done += count;
            byteOffset += (long) count * itemSize;
        }
    }
}
