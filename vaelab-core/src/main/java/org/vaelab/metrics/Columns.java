package org.vaelab.metrics;

/** Column views and per-column statistics of row-major code and factor arrays. */
final class Columns {
    private Columns() {
    }

    static float[] codeColumn(float[][] codes, int j) {
        float[] column = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            column[i] = codes[i][j];
        }
        return column;
    }

    static int[] factorColumn(int[][] factors, int j) {
        int[] column = new int[factors.length];
        for (int i = 0; i < factors.length; i++) {
            column[i] = factors[i][j];
        }
        return column;
    }

    static double[] means(float[][] codes) {
        double[] means = new double[codes[0].length];
        for (float[] row : codes) {
            for (int j = 0; j < means.length; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < means.length; j++) {
            means[j] /= codes.length;
        }
        return means;
    }

    /** Variance per column with {@code ddof} degrees of freedom subtracted, as np.var(ddof=...). */
    static double[] variances(float[][] codes, int ddof) {
        double[] means = means(codes);
        double[] sums = new double[means.length];
        for (float[] row : codes) {
            for (int j = 0; j < means.length; j++) {
                double centred = row[j] - means[j];
                sums[j] += centred * centred;
            }
        }
        for (int j = 0; j < sums.length; j++) {
            sums[j] /= codes.length - ddof;
        }
        return sums;
    }

    /** Population standard deviation per column (np.std). */
    static double[] stds(float[][] codes) {
        double[] variances = variances(codes, 0);
        for (int j = 0; j < variances.length; j++) {
            variances[j] = Math.sqrt(variances[j]);
        }
        return variances;
    }
}
