package org.vaelab.data.mat;

import org.vaelab.UserInputException;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Square images kept in a MAT matrix as vectors, one per column or one per row. MATLAB flattens an image column by
 * column ({@code img(:)}), so element {@code r + side * c} of a vector is pixel (row r, column c); reading the
 * vector row by row instead would give every image transposed. The result is row-major, one image after another.
 */
public final class MatImages {

    /** Whether each image is a column of the matrix (OMNIGLOT's 784 x N) or a row (Caltech's N x 784). */
    public enum Layout {
        IMAGE_PER_COLUMN,
        IMAGE_PER_ROW
    }

    private MatImages() {
    }

    /** The images of variable {@code name} of {@code variables}, each side x side, as levels 0..255. */
    public static byte[] read(MatVariables variables, String name, Layout layout, int side, PixelLevels levels) {
        int pixels = side * side;
        Matrix matrix = variables.matrix(name, layout == Layout.IMAGE_PER_COLUMN ? pixels : -1);
        if (layout == Layout.IMAGE_PER_ROW && matrix.getNumCols() != pixels) {
            throw new UserInputException(variables.file() + ": variable '" + name + "' is "
                    + MatVariables.describeShape(matrix) + ", expected " + pixels + " columns (" + side + "x" + side
                    + " images, one per row); " + MatVariables.FIX);
        }
        int count = layout == Layout.IMAGE_PER_COLUMN ? matrix.getNumCols() : matrix.getNumRows();
        byte[] out = new byte[count * pixels];
        for (int n = 0; n < count; n++) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int element = r + side * c;
                    double value = layout == Layout.IMAGE_PER_COLUMN ? matrix.getDouble(element, n)
                            : matrix.getDouble(n, element);
                    int level = levels.level().applyAsInt(value);
                    if (level < 0 || level > 255) {
                        throw new UserInputException(variables.file() + ": variable '" + name + "' holds " + value
                                + " in image " + n + " (row " + r + ", column " + c + "); expected "
                                + levels.expected() + "; " + MatVariables.FIX);
                    }
                    out[n * pixels + r * side + c] = (byte) level;
                }
            }
        }
        return out;
    }
}
