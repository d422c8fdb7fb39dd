package org.vaelab.baseline;

import java.util.stream.IntStream;

/**
 * A sample of n data rows held by their nonzero entries (dSprites images are about 95% zeros), with products by
 * the centred matrix X - 1 mean^T computed without centring it: (X - 1 mean^T) B = X B - 1 (mean^T B), so the
 * cost follows the nonzeros rather than n x D. Dense data costs at most twice the memory of a dense copy.
 * Products split the rows into a fixed number of chunks summed in order, so results do not depend on the
 * number of cores.
 */
final class CentredRows {
    private static final int CHUNKS = 16;

    private final int rows;
    private final int dim;
    private final int[] rowStart;
    private final int[] column;
    private final float[] value;
    private final double[] mean;

    private CentredRows(int dim, int[] rowStart, int[] column, float[] value, double[] mean) {
        this.rows = rowStart.length - 1;
        this.dim = dim;
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
        this.mean = mean;
    }

    /** The rows of {@code data}, all of equal length. */
    static CentredRows of(float[][] data) {
        int dim = data[0].length;
        int[] rowStart = new int[data.length + 1];
        double[] mean = new double[dim];
        long nonzeros = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != dim) {
                throw new IllegalArgumentException("row " + i + " has " + data[i].length + " values, row 0 has " + dim);
            }
            for (int j = 0; j < dim; j++) {
                if (data[i][j] != 0) {
                    nonzeros++;
                    mean[j] += data[i][j];
                }
            }
            if (nonzeros > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("sample has more than 2^31 nonzero values; use fewer rows");
            }
            rowStart[i + 1] = (int) nonzeros;
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= data.length;
        }
        int[] column = new int[(int) nonzeros];
        float[] value = new float[(int) nonzeros];
        int at = 0;
        for (float[] row : data) {
            for (int j = 0; j < dim; j++) {
                if (row[j] != 0) {
                    column[at] = j;
                    value[at++] = row[j];
                }
            }
        }
        return new CentredRows(dim, rowStart, column, value, mean);
    }

    int rows() {
        return rows;
    }

    int dim() {
        return dim;
    }

    /** Column means (a copy). */
    double[] mean() {
        return mean.clone();
    }

    /** (X - 1 mean^T) B for B of D x m (row-major); the result is n x m, row-major. */
    double[] times(double[] basis, int m) {
        double[] meanTimesBasis = new double[m];
        for (int j = 0; j < dim; j++) {
            for (int c = 0; c < m; c++) {
                meanTimesBasis[c] += mean[j] * basis[j * m + c];
            }
        }
        double[] out = new double[rows * m];
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
            for (int i = chunkStart(chunk); i < chunkStart(chunk + 1); i++) {
                int base = i * m;
                for (int c = 0; c < m; c++) {
                    out[base + c] = -meanTimesBasis[c];
                }
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    double x = value[e];
                    int from = column[e] * m;
                    for (int c = 0; c < m; c++) {
                        out[base + c] += x * basis[from + c];
                    }
                }
            }
        });
        return out;
    }

    /** (X - 1 mean^T)^T U for U of n x m (row-major); the result is D x m, row-major. */
    double[] transposeTimes(double[] u, int m) {
        double[][] partial = new double[CHUNKS][];
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
            double[] sum = new double[dim * m];
            for (int i = chunkStart(chunk); i < chunkStart(chunk + 1); i++) {
                int base = i * m;
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    double x = value[e];
                    int to = column[e] * m;
                    for (int c = 0; c < m; c++) {
                        sum[to + c] += x * u[base + c];
                    }
                }
            }
            partial[chunk] = sum;
        });
        double[] columnSums = new double[m];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < m; c++) {
                columnSums[c] += u[i * m + c];
            }
        }
        double[] out = new double[dim * m];
        for (double[] sum : partial) {
            for (int e = 0; e < out.length; e++) {
                out[e] += sum[e];
            }
        }
        for (int j = 0; j < dim; j++) {
            for (int c = 0; c < m; c++) {
                out[j * m + c] -= mean[j] * columnSums[c];
            }
        }
        return out;
    }

    private int chunkStart(int chunk) {
        return (int) ((long) rows * chunk / CHUNKS);
    }
}
