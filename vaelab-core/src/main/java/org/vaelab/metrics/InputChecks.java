package org.vaelab.metrics;

import org.vaelab.UserInputException;
import org.vaelab.data.FactorGrid;

/** Shape and value checks on metric inputs; each failure is a one-line UserInputException. */
final class InputChecks {
    private InputChecks() {
    }

    /** Codes and factors of one split: both rectangular, non-empty, finite, with one factor row per code. */
    static void split(String metric, String split, float[][] codes, int[][] factors) {
        codes(metric, split + " codes", codes);
        factors(metric, split + " factors", factors);
        if (codes.length != factors.length) {
            throw new UserInputException(metric + ": " + codes.length + " " + split + " codes but " + factors.length
                    + " " + split + " factor rows; they must pair up one to one");
        }
    }

    static void codes(String metric, String what, float[][] codes) {
        if (codes == null || codes.length == 0) {
            throw new UserInputException(metric + ": " + what + " are empty");
        }
        int width = rowLength(metric, what, codes[0], 0);
        for (int i = 0; i < codes.length; i++) {
            float[] row = codes[i];
            if (rowLength(metric, what, row, i) != width) {
                throw new UserInputException(metric + ": " + what + " row " + i + " has " + row.length
                        + " values but row 0 has " + width);
            }
            for (int j = 0; j < width; j++) {
                if (!Float.isFinite(row[j])) {
                    String bad = Float.isNaN(row[j]) ? "NaN" : "an infinite value";
                    throw new UserInputException(metric + ": " + what + " contain " + bad + " at row " + i
                            + ", dimension " + j);
                }
            }
        }
    }

    private static int rowLength(String metric, String what, float[] row, int index) {
        if (row == null || row.length == 0) {
            throw new UserInputException(metric + ": " + what + " row " + index + " is empty");
        }
        return row.length;
    }

    static void factors(String metric, String what, int[][] factors) {
        if (factors == null || factors.length == 0) {
            throw new UserInputException(metric + ": " + what + " are empty");
        }
        int width = factors[0] == null ? 0 : factors[0].length;
        if (width == 0) {
            throw new UserInputException(metric + ": " + what + " row 0 is empty");
        }
        for (int i = 0; i < factors.length; i++) {
            if (factors[i] == null || factors[i].length != width) {
                throw new UserInputException(metric + ": " + what + " row " + i + " has "
                        + (factors[i] == null ? 0 : factors[i].length) + " values but row 0 has " + width);
            }
        }
    }

    /** Test data must describe the same code dimensions and factors as the training data. */
    static void sameShape(String metric, float[][] trainCodes, int[][] trainFactors, float[][] testCodes,
                          int[][] testFactors) {
        if (trainCodes[0].length != testCodes[0].length) {
            throw new UserInputException(metric + ": training codes have " + trainCodes[0].length
                    + " dimensions but test codes have " + testCodes[0].length);
        }
        if (trainFactors[0].length != testFactors[0].length) {
            throw new UserInputException(metric + ": training data has " + trainFactors[0].length
                    + " factors but test data has " + testFactors[0].length);
        }
    }

    /** Every factor column takes at least two values, as classifiers and entropies need. */
    static void factorsVary(String metric, String what, int[][] factors) {
        for (int j = 0; j < factors[0].length; j++) {
            int first = factors[0][j];
            boolean varies = false;
            for (int i = 1; i < factors.length && !varies; i++) {
                varies = factors[i][j] != first;
            }
            if (!varies) {
                throw new UserInputException(metric + ": factor column " + j + " of the " + what
                        + " is constant (always " + first + "); every factor must take at least two values");
            }
        }
    }

    static void minimumCodeDims(String metric, float[][] codes, int minimum) {
        if (codes[0].length < minimum) {
            throw new UserInputException(metric + " needs at least " + minimum + " code dimensions, got "
                    + codes[0].length);
        }
    }

    static void minimumFactors(String metric, int factorCount, int minimum) {
        if (factorCount < minimum) {
            throw new UserInputException(metric + " needs at least " + minimum + " factors, got " + factorCount);
        }
    }

    static void enoughRows(String metric, String what, int available, int needed) {
        if (available < needed) {
            throw new UserInputException(metric + ": the protocol uses " + needed + " " + what + " but only "
                    + available + " were given; supply more or lower the protocol's count");
        }
    }

    /** The grid has at least two factors, each with at least two values, so "which factor was fixed" is learnable. */
    static void grid(String metric, FactorGrid grid) {
        if (grid == null) {
            throw new UserInputException(metric + " needs a dataset with ground-truth factors");
        }
        int[] sizes = grid.sizes();
        minimumFactors(metric, sizes == null ? 0 : sizes.length, 2);
        String[] names = grid.names();
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 2) {
                String name = names != null && k < names.length ? "'" + names[k] + "'" : "" + k;
                throw new UserInputException(metric + ": factor " + name + " has " + sizes[k]
                        + " value(s); every factor must take at least two values");
            }
        }
    }
}
