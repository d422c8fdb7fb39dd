package org.vaelab.data.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.vaelab.UserInputException;

/**
 * The header of a C-order, little-endian .npy file: dtype and shape, with the binary encoding NumPy uses
 * (numpy.lib.format). Immutable.
 */
public final class NpyHeader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy pads the header so the data starts on this boundary, which keeps memory-mapped data aligned. */
    private static final int ALIGNMENT = 64;
    /** NumPy leaves room for the first axis to grow to this many digits so the header can be rewritten in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int VERSION_1_MAX_HEADER = 0xFFFF;
    /** Real headers are a few hundred bytes; a larger length means a corrupt file, not a header to allocate. */
    private static final int MAX_PLAUSIBLE_HEADER = 16 << 20;

    private final NpyDtype dtype;
    private final long[] shape;
    private final long elementCount;

    /**
     * @throws IllegalArgumentException if a dimension is negative or the data would exceed Long.MAX_VALUE bytes
     */
    public NpyHeader(NpyDtype dtype, long... shape) {
        this.dtype = dtype;
        this.shape = shape.clone();
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shapeString(shape));
            }
            try {
                count = Math.multiplyExact(count, dim);
                Math.multiplyExact(count, dtype.byteSize());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + shapeString(shape) + " is too large");
            }
        }
        this.elementCount = count;
    }

    public NpyDtype dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long elementCount() {
        return elementCount;
    }

    public long dataByteCount() {
        return elementCount * dtype.byteSize();
    }

    /** Length of the first axis; a 0-d array counts as one row. */
    public long rowCount() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Elements in one row, the product of all axes but the first. */
    public long rowLength() {
        long length = 1;
        for (int i = 1; i < shape.length; i++) {
            length *= shape[i];
        }
        return length;
    }

    /** The shape as Python prints a tuple: "()", "(5,)", "(3, 2)". */
    public String shapeString() {
        return shapeString(shape);
    }

    static String shapeString(long[] shape) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(shape[i]);
        }
        if (shape.length == 1) {
            out.append(',');
        }
        return out.append(')').toString();
    }

    /**
     * Magic, version, header length and padded header dict, byte for byte as numpy.save writes them; the data
     * starts right after. Version 1.0 unless the header is longer than 65535 bytes.
     */
    public byte[] encode() {
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '").append(dtype.descr())
                .append("', 'fortran_order': False, 'shape': ").append(shapeString())
                .append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int withNewline = text.length + 1;
        int version = 1;
        int prefix = MAGIC.length + 2 + 2;
        int padding = ALIGNMENT - (prefix + withNewline) % ALIGNMENT;
        if (withNewline + padding > VERSION_1_MAX_HEADER) {
            version = 2;
            prefix = MAGIC.length + 2 + 4;
            padding = ALIGNMENT - (prefix + withNewline) % ALIGNMENT;
        }
        int headerLength = withNewline + padding;
        ByteBuffer out = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(text);
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /**
     * Reads a header from the start of {@code in}, leaving it positioned at the first data byte.
     *
     * @param source the file name for error messages
     * @throws UserInputException if this is not an .npy file or holds data vaelab cannot read
     */
    public static NpyHeader read(ReadableByteChannel in, String source) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        boolean complete = readFully(in, start);
        checkMagic(start, source);
        if (!complete) {
            throw truncatedHeader(source);
        }
        int major = start.get(MAGIC.length) & 0xFF;
        int minor = start.get(MAGIC.length + 1) & 0xFF;
        if (major < 1 || major > 3) {
            throw new UserInputException(source + " uses .npy format version " + major + "." + minor
                    + ", which is not supported (supported: 1.0, 2.0, 3.0)");
        }
        ByteBuffer lengthField = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (!readFully(in, lengthField)) {
            throw truncatedHeader(source);
        }
        long length = major == 1 ? Short.toUnsignedInt(lengthField.getShort(0))
                : Integer.toUnsignedLong(lengthField.getInt(0));
        if (length > MAX_PLAUSIBLE_HEADER) {
            throw new UserInputException(source + " has a corrupt .npy header (it claims to be " + length
                    + " bytes long)");
        }
        ByteBuffer textBytes = ByteBuffer.allocate((int) length);
        if (!readFully(in, textBytes)) {
            throw truncatedHeader(source);
        }
        // Version 3.0 exists only to allow UTF-8 field names in structured dtypes.
        Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        return fromDict(new String(textBytes.array(), charset), source);
    }

    private static NpyHeader fromDict(String text, String source) {
        Map<String, Object> dict;
        try {
            dict = PythonLiteralParser.parseDict(text);
        } catch (IllegalArgumentException e) {
            throw malformed(source, e.getMessage(), text);
        }
        Object descr = require(dict, "descr", source, text);
        Object fortranOrder = require(dict, "fortran_order", source, text);
        Object shapeValue = require(dict, "shape", source, text);
        if (!(descr instanceof String descrString)) {
            throw new UserInputException(source + " has a structured dtype (records with named fields); save a "
                    + "plain numeric array instead (supported: " + NpyDtype.supportedNames() + ")");
        }
        NpyDtype dtype = NpyDtype.fromDescr(descrString, source);
        long[] shape = parseShape(shapeValue, source, text);
        if (!(fortranOrder instanceof Boolean fortran)) {
            throw malformed(source, "fortran_order is not True or False", text);
        }
        if (fortran && axesLongerThanOne(shape) > 1) {
            throw new UserInputException(source + " is stored in Fortran (column-major) order; only C order is "
                    + "supported: re-save it with np.save(path, np.ascontiguousarray(arr))");
        }
        try {
            return new NpyHeader(dtype, shape);
        } catch (IllegalArgumentException e) {
            throw malformed(source, e.getMessage(), text);
        }
    }

    private static long[] parseShape(Object value, String source, String text) {
        if (!(value instanceof PythonLiteralParser.Tuple tuple)) {
            throw malformed(source, "shape is not a tuple", text);
        }
        List<Object> items = tuple.items();
        long[] shape = new long[items.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(items.get(i) instanceof Long dim) || dim < 0) {
                throw malformed(source, "shape holds something other than non-negative integers", text);
            }
            shape[i] = dim;
        }
        return shape;
    }

    /** Fortran and C order lay out the same bytes when at most one axis is longer than 1. */
    private static int axesLongerThanOne(long[] shape) {
        int count = 0;
        for (long dim : shape) {
            if (dim > 1) {
                count++;
            }
        }
        return count;
    }

    private static Object require(Map<String, Object> dict, String key, String source, String text) {
        Object value = dict.get(key);
        if (value == null) {
            throw malformed(source, "no '" + key + "' key", text);
        }
        return value;
    }

    private static void checkMagic(ByteBuffer start, String source) {
        int available = start.position();
        for (int i = 0; i < Math.min(available, MAGIC.length); i++) {
            if (start.get(i) != MAGIC[i]) {
                if (available >= 2 && start.get(0) == 'P' && start.get(1) == 'K') {
                    throw new UserInputException(source + " is a zip archive (an .npz?), not an .npy file; extract "
                            + "one array with np.save(out, np.load(path)[name])");
                }
                throw new UserInputException(source + " is not a NumPy .npy file (it does not start with the "
                        + "\\x93NUMPY magic)");
            }
        }
        if (available < MAGIC.length) {
            throw new UserInputException(source + " is not a NumPy .npy file (it is "
                    + (available == 0 ? "empty)" : "only " + available + " bytes long)"));
        }
    }

    private static boolean readFully(ReadableByteChannel in, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    private static UserInputException truncatedHeader(String source) {
        return new UserInputException(source + " is truncated: it ends inside the .npy header");
    }

    private static UserInputException malformed(String source, String detail, String text) {
        return new UserInputException(source + " has a malformed .npy header (" + detail + "): "
                + abbreviate(text.strip()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyHeader that && dtype == that.dtype && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return 31 * dtype.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return dtype.numpyName() + shapeString();
    }
}
