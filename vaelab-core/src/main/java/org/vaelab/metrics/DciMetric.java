package org.vaelab.metrics;

/**
 * Disentanglement, completeness and informativeness (Eastwood & Williams 2018) as dlib computes them: one
 * gradient-boosted-trees classifier per factor predicts the factor's value from all codes; its feature
 * importances form column j of the importance matrix, and its train/test accuracy averaged over factors is
 * the informativeness.
 */
public final class DciMetric {
    private static final String METRIC = MetricName.DCI.id();

    private DciMetric() {
    }

    public static ClassifierSpec classifier() {
        return BoostedTreesClassifier.spec();
    }

    public static DciResult compute(float[][] trainCodes, int[][] trainFactors, float[][] testCodes,
                                    int[][] testFactors, long seed) {
        check(trainCodes, trainFactors, testCodes, testFactors);
        int codeCount = trainCodes[0].length;
        int factorCount = trainFactors[0].length;
        double[][] importance = new double[codeCount][factorCount];
        double trainAccuracy = 0;
        double testAccuracy = 0;
        for (int j = 0; j < factorCount; j++) {
            int[] trainColumn = Columns.factorColumn(trainFactors, j);
            ClassLabels labels = ClassLabels.of(trainColumn);
            int[] trainClasses = labels.encode(trainColumn);
            try (BoostedTreesClassifier model =
                         BoostedTreesClassifier.fit(trainCodes, trainClasses, labels.count(), seed)) {
                double[] factorImportance = model.featureImportance();
                for (int i = 0; i < codeCount; i++) {
                    importance[i][j] = factorImportance[i];
                }
                trainAccuracy += Accuracy.of(model.predict(trainCodes), trainClasses);
                testAccuracy += Accuracy.of(model.predict(testCodes),
                        labels.encode(Columns.factorColumn(testFactors, j)));
            }
        }
        return new DciResult(ImportanceScores.disentanglement(importance), ImportanceScores.completeness(importance),
                trainAccuracy / factorCount, testAccuracy / factorCount, importance,
                new DciProtocol(trainCodes.length, testCodes.length), classifier(), seed);
    }

    static void check(float[][] trainCodes, int[][] trainFactors, float[][] testCodes, int[][] testFactors) {
        InputChecks.split(METRIC, "training", trainCodes, trainFactors);
        InputChecks.split(METRIC, "test", testCodes, testFactors);
        InputChecks.sameShape(METRIC, trainCodes, trainFactors, testCodes, testFactors);
        // The entropies behind D and C are taken in base #factors and base #codes.
        InputChecks.minimumCodeDims(METRIC, trainCodes, 2);
        InputChecks.minimumFactors(METRIC, trainFactors[0].length, 2);
        InputChecks.factorsVary(METRIC, "training data", trainFactors);
    }
}
