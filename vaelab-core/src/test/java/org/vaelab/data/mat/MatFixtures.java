package org.vaelab.data.mat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;

/** Writes small MAT v5 files with the MAT File Library, as MATLAB's save would (variables compressed). */
public final class MatFixtures {

    private MatFixtures() {
    }

    /** A rows x cols double matrix with element (i, j) = {@code value.at(i, j)}. */
    public static Matrix matrix(int rows, int cols, Element value) {
        Matrix matrix = Mat5.newMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                matrix.setDouble(i, j, value.at(i, j));
            }
        }
        return matrix;
    }

    /** Writes {@code variables} (in map order) to {@code file}, creating its folder. */
    public static Path write(Path file, Map<String, Matrix> variables) {
        Mat5File mat = Mat5.newMatFile();
        variables.forEach(mat::addArray);
        try {
            Files.createDirectories(file.getParent());
            try (Sink sink = Sinks.newStreamingFile(file.toFile())) {
                Mat5.newWriter(sink).writeMat(mat);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @FunctionalInterface
    public interface Element {
        double at(int row, int col);
    }
}
