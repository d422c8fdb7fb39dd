package org.vaelab.data.mat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.vaelab.UserInputException;
import org.vaelab.data.files.DataFolders;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Source;
import us.hebi.matlab.mat.types.Sources;

/**
 * Named numeric matrices read from a MAT v5 file (compressed or not) with the MAT File Library. Only the variables
 * asked for are decoded, so reading one split of a file that holds two costs about half. Every defect is a
 * {@link UserInputException} naming the file, the variable and the fix.
 */
public final class MatVariables {

    static final String FIX = DataFolders.REPLACE_FIX;

    private final Path file;
    private final Mat5File mat;

    private MatVariables(Path file, Mat5File mat) {
        this.file = file;
        this.mat = mat;
    }

    public static MatVariables read(Path file, Set<String> names) {
        try (Source source = Sources.openFile(file.toFile())) {
            Mat5File mat = Mat5.newReader(source).setEntryFilter(header -> names.contains(header.getName())).readMat();
            return new MatVariables(file, mat);
        } catch (IOException | RuntimeException e) {
            // The library reports damage as EOF, zip or format errors alike; to the user they all mean "bad file".
            throw new UserInputException(file + " is not a readable MAT v5 file (" + e + "); " + FIX, e);
        }
    }

    /** The real, two-dimensional numeric matrix {@code name}, of {@code rows} rows (any count when negative). */
    public Matrix matrix(String name, int rows) {
        Array array;
        try {
            array = mat.getArray(name);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + " has no variable '" + name + "'; " + FIX, e);
        }
        if (!(array instanceof Matrix matrix) || matrix.isComplex() || array.getNumDimensions() != 2) {
            throw new UserInputException(file + ": variable '" + name + "' is a " + array.getNumDimensions() + "-d "
                    + array.getType() + " array, not a real matrix; " + FIX);
        }
        if (rows >= 0 && matrix.getNumRows() != rows) {
            throw new UserInputException(file + ": variable '" + name + "' is " + describeShape(matrix)
                    + ", expected " + rows + " rows; " + FIX);
        }
        return matrix;
    }

    /** The file the variables came from, for messages. */
    public Path file() {
        return file;
    }

    static String describeShape(Array array) {
        return array.getNumRows() + "x" + array.getNumCols();
    }
}
