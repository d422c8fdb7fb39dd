package org.vaelab.data.npy;

/**
 * An n-dimensional array held in memory in C order, as read from or written to an .npy file. The data array is
 * shared, not copied, in both directions: callers must not modify it after handing it over or reading it out.
 */
public final class NpyArray {

    private final NpyHeader header;
    private final Object data;

    private NpyArray(NpyDtype dtype, long[] shape, Object data, int length) {
        this.header = new NpyHeader(dtype, shape);
        if (header.elementCount() != length) {
            throw new IllegalArgumentException(length + " values do not fill shape " + header.shapeString() + " ("
                    + header.elementCount() + " elements)");
        }
        this.data = data;
    }

    public static NpyArray of(float[] data, long... shape) {
        return new NpyArray(NpyDtype.FLOAT32, shape, data, data.length);
    }

    public static NpyArray of(double[] data, long... shape) {
        return new NpyArray(NpyDtype.FLOAT64, shape, data, data.length);
    }

    public static NpyArray of(int[] data, long... shape) {
        return new NpyArray(NpyDtype.INT32, shape, data, data.length);
    }

    public static NpyArray of(long[] data, long... shape) {
        return new NpyArray(NpyDtype.INT64, shape, data, data.length);
    }

    /** A uint8 array; Java bytes are signed, so values 128..255 are stored as -128..-1. */
    public static NpyArray of(byte[] data, long... shape) {
        return new NpyArray(NpyDtype.UINT8, shape, data, data.length);
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

    public int rank() {
        return header.rank();
    }

    public int elementCount() {
        return (int) header.elementCount();
    }

    /** The float32 data itself, not a copy. */
    public float[] floats() {
        return (float[]) dataOf(NpyDtype.FLOAT32);
    }

    /** The float64 data itself, not a copy. */
    public double[] doubles() {
        return (double[]) dataOf(NpyDtype.FLOAT64);
    }

    /** The int32 data itself, not a copy. */
    public int[] ints() {
        return (int[]) dataOf(NpyDtype.INT32);
    }

    /** The int64 data itself, not a copy. */
    public long[] longs() {
        return (long[]) dataOf(NpyDtype.INT64);
    }

    /** The uint8 data itself, not a copy (mask with 0xFF for the unsigned value). */
    public byte[] bytes() {
        return (byte[]) dataOf(NpyDtype.UINT8);
    }

    /** A new float array with every value converted, whatever the dtype; uint8 becomes 0..255. */
    public float[] toFloats() {
        float[] out = new float[elementCount()];
        switch (header.dtype()) {
            case FLOAT32 -> System.arraycopy(floats(), 0, out, 0, out.length);
            case FLOAT64 -> {
                double[] values = doubles();
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) values[i];
                }
            }
            case INT32 -> {
                int[] values = ints();
                for (int i = 0; i < out.length; i++) {
                    out[i] = values[i];
                }
            }
            case INT64 -> {
                long[] values = longs();
                for (int i = 0; i < out.length; i++) {
                    out[i] = values[i];
                }
            }
            case UINT8 -> {
                byte[] values = bytes();
                for (int i = 0; i < out.length; i++) {
                    out[i] = values[i] & 0xFF;
                }
            }
        }
        return out;
    }

    private Object dataOf(NpyDtype expected) {
        if (header.dtype() != expected) {
            throw new IllegalStateException("array holds " + header.dtype().numpyName() + ", not "
                    + expected.numpyName());
        }
        return data;
    }

    @Override
    public String toString() {
        return "NpyArray[" + header + "]";
    }
}
