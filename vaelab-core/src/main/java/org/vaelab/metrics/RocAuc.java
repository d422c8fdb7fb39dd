package org.vaelab.metrics;

import java.util.Arrays;
import java.util.Comparator;

/** Area under the ROC curve via the rank-sum statistic; ties count half, as sklearn's trapezoidal AUC. */
final class RocAuc {
    private RocAuc() {
    }

    /** NaN when {@code positive} is all true or all false: the AUC is undefined then. */
    static double auc(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && score[order[end]] == score[order[start]]) {
                end++;
            }
            double averageRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
