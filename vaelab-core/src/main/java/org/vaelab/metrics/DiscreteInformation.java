package org.vaelab.metrics;

import java.util.Arrays;

/**
 * Plug-in mutual information and entropy of integer labellings in nats, as sklearn's mutual_info_score
 * (which dlib uses for both: the entropy of y is I(y; y)).
 */
final class DiscreteInformation {
    private DiscreteInformation() {
    }

    static double mutualInformation(int[] a, int[] b) {
        int n = a.length;
        ClassLabels labelsA = ClassLabels.of(a);
        ClassLabels labelsB = ClassLabels.of(b);
        int[] classesA = labelsA.encode(a);
        int[] classesB = labelsB.encode(b);
        long[] cells = new long[n];
        long[] countsA = new long[labelsA.count()];
        long[] countsB = new long[labelsB.count()];
        for (int i = 0; i < n; i++) {
            cells[i] = (long) classesA[i] * labelsB.count() + classesB[i];
            countsA[classesA[i]]++;
            countsB[classesB[i]]++;
        }
        // Sorting the joint cell ids counts the contingency table without allocating it densely.
        Arrays.sort(cells);
        double logN = Math.log(n);
        double mi = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && cells[end] == cells[start]) {
                end++;
            }
            long joint = end - start;
            int classA = (int) (cells[start] / labelsB.count());
            int classB = (int) (cells[start] % labelsB.count());
            mi += joint / (double) n
                    * (Math.log(joint) + logN - Math.log(countsA[classA]) - Math.log(countsB[classB]));
            start = end;
        }
        return Math.max(0, mi);
    }

    static double entropy(int[] labels) {
        return mutualInformation(labels, labels);
    }

    /** I(code_i; factor_j) for every pair: result[code][factor]. */
    static double[][] matrix(int[][] discretisedCodes, int[][] factors) {
        int factorCount = factors[0].length;
        double[][] mi = new double[discretisedCodes.length][factorCount];
        for (int j = 0; j < factorCount; j++) {
            int[] factor = Columns.factorColumn(factors, j);
            for (int i = 0; i < discretisedCodes.length; i++) {
                mi[i][j] = mutualInformation(discretisedCodes[i], factor);
            }
        }
        return mi;
    }
}
