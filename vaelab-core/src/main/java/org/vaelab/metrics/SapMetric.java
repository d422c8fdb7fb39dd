package org.vaelab.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Separated attribute predictability (Kumar et al. 2018) with discrete factors, as dlib's default
 * (continuous_factors=False): for every (code, factor) pair a linear SVM predicts the factor from that one code,
 * scored by test accuracy; each factor contributes the gap between its two best codes.
 */
public final class SapMetric {
    private static final String METRIC = MetricName.SAP.id();

    private SapMetric() {
    }

    public static ClassifierSpec classifier() {
        return LiblinearClassifier.LINEAR_SVM.spec();
    }

    public static SapResult compute(float[][] trainCodes, int[][] trainFactors, float[][] testCodes,
                                    int[][] testFactors, long seed) {
        check(trainCodes, trainFactors, testCodes, testFactors);
        int codeCount = trainCodes[0].length;
        int factorCount = trainFactors[0].length;
        double[][] scores = new double[codeCount][factorCount];
        // Pairs are independent and each has its own generator, so running them in parallel stays reproducible.
        IntStream.range(0, codeCount * factorCount).parallel().forEach(pair -> {
            int code = pair / factorCount;
            int factor = pair % factorCount;
            scores[code][factor] = pairAccuracy(trainCodes, trainFactors, testCodes, testFactors, code, factor,
                    seed + pair);
        });
        double gapSum = 0;
        for (int j = 0; j < factorCount; j++) {
            double[] column = new double[codeCount];
            for (int i = 0; i < codeCount; i++) {
                column[i] = scores[i][j];
            }
            Arrays.sort(column);
            gapSum += column[codeCount - 1] - column[codeCount - 2];
        }
        return new SapResult(gapSum / factorCount, scores, new SapProtocol(trainCodes.length, testCodes.length),
                classifier(), seed);
    }

    private static double pairAccuracy(float[][] trainCodes, int[][] trainFactors, float[][] testCodes,
                                       int[][] testFactors, int code, int factor, long seed) {
        int[] trainColumn = Columns.factorColumn(trainFactors, factor);
        ClassLabels labels = ClassLabels.of(trainColumn);
        LiblinearClassifier svm = LiblinearClassifier.fit(LiblinearClassifier.LINEAR_SVM,
                singleFeature(trainCodes, code), labels.encode(trainColumn), labels.count(), seed);
        double[][] test = singleFeature(testCodes, code);
        int[] predicted = new int[test.length];
        for (int i = 0; i < test.length; i++) {
            predicted[i] = svm.predict(test[i]);
        }
        return Accuracy.of(predicted, labels.encode(Columns.factorColumn(testFactors, factor)));
    }

    private static double[][] singleFeature(float[][] codes, int code) {
        double[][] features = new double[codes.length][1];
        for (int i = 0; i < codes.length; i++) {
            features[i][0] = codes[i][code];
        }
        return features;
    }

    static void check(float[][] trainCodes, int[][] trainFactors, float[][] testCodes, int[][] testFactors) {
        InputChecks.split(METRIC, "training", trainCodes, trainFactors);
        InputChecks.split(METRIC, "test", testCodes, testFactors);
        InputChecks.sameShape(METRIC, trainCodes, trainFactors, testCodes, testFactors);
        InputChecks.minimumCodeDims(METRIC, trainCodes, 2);
        InputChecks.factorsVary(METRIC, "training data", trainFactors);
    }
}
