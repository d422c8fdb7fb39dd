package org.vaelab.metrics;

import java.util.Arrays;

/**
 * Mutual information gap (Chen et al. 2018) as dlib computes it: each code dimension is cut into equal-width
 * histogram bins, I(code; factor) is the discrete mutual information in nats, and each factor contributes the
 * gap between its two most informative codes divided by its entropy.
 */
public final class MigMetric {
    private static final String METRIC = MetricName.MIG.id();

    private MigMetric() {
    }

    public static MigResult compute(float[][] codes, int[][] factors, long seed) {
        return compute(codes, factors, MigProtocol.DEFAULT.numBins(), seed);
    }

    public static MigResult compute(float[][] codes, int[][] factors, int numBins, long seed) {
        check(codes, factors);
        MigProtocol protocol = new MigProtocol(codes.length, numBins);
        double[][] mi = DiscreteInformation.matrix(HistogramDiscretizer.discretize(codes, numBins), factors);
        int factorCount = factors[0].length;
        double[] entropy = new double[factorCount];
        double[] gaps = new double[factorCount];
        for (int j = 0; j < factorCount; j++) {
            entropy[j] = DiscreteInformation.entropy(Columns.factorColumn(factors, j));
            double[] column = new double[mi.length];
            for (int i = 0; i < mi.length; i++) {
                column[i] = mi[i][j];
            }
            Arrays.sort(column);
            gaps[j] = (column[column.length - 1] - column[column.length - 2]) / entropy[j];
        }
        return new MigResult(Arrays.stream(gaps).average().orElseThrow(), gaps, mi, entropy, protocol, seed);
    }

    static void check(float[][] codes, int[][] factors) {
        InputChecks.split(METRIC, "training", codes, factors);
        InputChecks.minimumCodeDims(METRIC, codes, 2);
        // A constant factor has zero entropy, and the gap would be divided by it.
        InputChecks.factorsVary(METRIC, "training data", factors);
    }
}
