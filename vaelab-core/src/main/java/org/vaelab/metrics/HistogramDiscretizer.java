package org.vaelab.metrics;

import java.util.Arrays;

/**
 * Equal-width binning of each code dimension between its minimum and maximum, labelling values 1..bins the
 * way dlib does (np.digitize against the first {@code bins} edges of np.histogram): a value gets the number
 * of left edges at or below it, so the maximum falls in the last bin.
 */
final class HistogramDiscretizer {
    private HistogramDiscretizer() {
    }

    /** Bin labels per code dimension: result[dim][point]. */
    static int[][] discretize(float[][] codes, int bins) {
        int dims = codes[0].length;
        int[][] labels = new int[dims][];
        for (int j = 0; j < dims; j++) {
            labels[j] = discretize(Columns.codeColumn(codes, j), bins);
        }
        return labels;
    }

    static int[] discretize(float[] values, int bins) {
        float[] leftEdges = leftEdges(values, bins);
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = edgesAtOrBelow(leftEdges, values[i]);
        }
        return labels;
    }

    private static float[] leftEdges(float[] values, int bins) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double first = min;
        double last = max;
        if (first == last) {
            // np.histogram widens an empty range by half a unit each side.
            first -= 0.5;
            last += 0.5;
        }
        double step = (last - first) / bins;
        float[] edges = new float[bins];
        for (int i = 0; i < bins; i++) {
            // Edges in the codes' precision, as numpy keeps float32 edges for float32 data.
            edges[i] = (float) (first + i * step);
        }
        return edges;
    }

    private static int edgesAtOrBelow(float[] sortedEdges, float value) {
        int index = Arrays.binarySearch(sortedEdges, value);
        if (index < 0) {
            return -index - 1;
        }
        // Equal edges can repeat when the range is tiny; count all of them.
        while (index + 1 < sortedEdges.length && sortedEdges[index + 1] <= value) {
            index++;
        }
        return index + 1;
    }
}
