package org.vaelab.data.npy;

import java.io.IOException;
import java.nio.file.Path;
import org.vaelab.UserInputException;

/**
 * Whole-array reading and writing of NumPy .npy files. For arrays too large for memory use {@link NpyFile}
 * and {@link NpyWriter}, which stream rows.
 */
public final class Npy {

    private Npy() {
    }

    /**
     * Reads a whole .npy file into memory.
     *
     * @throws UserInputException if the file is missing, malformed, truncated or of an unsupported dtype
     */
    public static NpyArray read(Path path) throws IOException {
        try (NpyFile file = NpyFile.open(path)) {
            return file.readAll();
        }
    }

    /**
     * Reads a whole .npy file that must have {@code rank} axes.
     *
     * @throws UserInputException as {@link #read(Path)}, or if the rank differs
     */
    public static NpyArray read(Path path, int rank) throws IOException {
        try (NpyFile file = NpyFile.open(path)) {
            return file.requireRank(rank).readAll();
        }
    }

    /** Writes {@code array} atomically, creating parent directories; the header is as numpy.save writes it. */
    public static void write(Path path, NpyArray array) throws IOException {
        long[] shape = array.shape();
        try (NpyWriter out = NpyWriter.create(path, array.dtype(), shape)) {
            switch (array.dtype()) {
                case FLOAT32 -> out.writeRows(array.floats());
                case FLOAT64 -> out.writeRows(array.doubles());
                case INT32 -> out.writeRows(array.ints());
                case INT64 -> out.writeRows(array.longs());
                case UINT8 -> out.writeRows(array.bytes());
            }
        }
    }
}
