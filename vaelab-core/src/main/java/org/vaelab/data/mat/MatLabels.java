package org.vaelab.data.mat;

import org.vaelab.UserInputException;
import us.hebi.matlab.mat.types.Matrix;

/** Class labels stored in a MAT matrix, returned as 0-based bytes (so at most 256 classes). */
public final class MatLabels {

    private MatLabels() {
    }

    /** One-hot columns ({@code classes} x N, exactly one 1 per column, OMNIGLOT's target): the row of the 1. */
    public static byte[] oneHotColumns(MatVariables variables, String name, int classes, int count) {
        Matrix matrix = variables.matrix(name, classes);
        requireCount(variables, name, matrix.getNumCols(), count);
        byte[] labels = new byte[count];
        for (int n = 0; n < count; n++) {
            int hot = -1;
            for (int k = 0; k < classes; k++) {
                double value = matrix.getDouble(k, n);
                if (value == 1 && hot < 0) {
                    hot = k;
                } else if (value != 0) {
                    hot = -2;
                    break;
                }
            }
            if (hot < 0) {
                throw new UserInputException(variables.file() + ": column " + n + " of variable '" + name
                        + "' is not one-hot (exactly one 1, the rest 0); " + MatVariables.FIX);
            }
            labels[n] = (byte) hot;
        }
        return labels;
    }

    /** A vector (N x 1 or 1 x N) of labels 1..{@code classes}, MATLAB-style (Caltech's train_labels): minus one. */
    public static byte[] oneBased(MatVariables variables, String name, int classes, int count) {
        Matrix matrix = variables.matrix(name, -1);
        if (Math.min(matrix.getNumRows(), matrix.getNumCols()) != 1 && count > 0) {
            throw new UserInputException(variables.file() + ": variable '" + name + "' is "
                    + MatVariables.describeShape(matrix) + ", expected a vector of labels; " + MatVariables.FIX);
        }
        requireCount(variables, name, matrix.getNumElements(), count);
        byte[] labels = new byte[count];
        for (int n = 0; n < count; n++) {
            double value = matrix.getDouble(n);
            if (value != Math.rint(value) || value < 1 || value > classes) {
                throw new UserInputException(variables.file() + ": variable '" + name + "' holds " + value
                        + " at index " + n + "; expected a class number 1.." + classes + "; " + MatVariables.FIX);
            }
            labels[n] = (byte) (value - 1);
        }
        return labels;
    }

    private static void requireCount(MatVariables variables, String name, int found, int count) {
        if (found != count) {
            throw new UserInputException(variables.file() + ": variable '" + name + "' has " + found
                    + " labels for " + count + " images; " + MatVariables.FIX);
        }
    }
}
