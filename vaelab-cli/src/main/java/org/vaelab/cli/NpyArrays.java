package org.vaelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.vaelab.UserInputException;
import org.vaelab.data.npy.NpyFile;

/** Codes and factor arrays read from .npy files, with one-line errors for the wrong kind of array. */
final class NpyArrays {
    private NpyArrays() {
    }

    /** A float [n, d] matrix (any numeric dtype, converted to float32). */
    static float[][] codes(Path path) {
        try (NpyFile file = open(path)) {
            float[] flat = new float[Math.toIntExact(file.rowCount() * file.rowLength())];
            file.readRows(0, (int) file.rowCount(), flat, 0);
            float[][] rows = new float[(int) file.rowCount()][(int) file.rowLength()];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(flat, i * rows[i].length, rows[i], 0, rows[i].length);
                for (float v : rows[i]) {
                    if (!Float.isFinite(v)) {
                        throw new UserInputException(path + " row " + i + " holds " + v + "; codes must be finite");
                    }
                }
            }
            return rows;
        }
    }

    /** An integer [n, k] matrix of factor indices with the same number of rows as {@code codesPath}. */
    static int[][] factors(Path path, int expectedRows, Path codesPath) {
        try (NpyFile file = open(path)) {
            if (!file.dtype().isInteger()) {
                throw new UserInputException(path + " holds " + file.dtype().numpyName() + "; factor indices must be "
                        + "integers (int32, int64 or uint8)");
            }
            if (file.rowCount() != expectedRows) {
                throw new UserInputException(path + " has " + file.rowCount() + " rows but " + codesPath + " has "
                        + expectedRows + "; each code needs its factors");
            }
            int[] flat = new int[Math.toIntExact(file.rowCount() * file.rowLength())];
            file.readRows(0, expectedRows, flat, 0);
            int[][] rows = new int[expectedRows][(int) file.rowLength()];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(flat, i * rows[i].length, rows[i], 0, rows[i].length);
            }
            return rows;
        }
    }

    private static NpyFile open(Path path) {
        try {
            NpyFile file = NpyFile.open(path);
            if (file.shape().length != 2 || file.rowCount() < 1) {
                file.close();
                throw new UserInputException(path + " must be a non-empty 2-d array [n, d]");
            }
            return file;
        } catch (IOException e) {
            throw new UserInputException("cannot read " + path + ": " + e.getMessage());
        }
    }
}
