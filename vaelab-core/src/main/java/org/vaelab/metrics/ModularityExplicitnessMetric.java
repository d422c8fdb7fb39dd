package org.vaelab.metrics;

import org.vaelab.UserInputException;

/**
 * Modularity and explicitness (Ridgeway & Mozer 2018) as dlib computes them. Modularity: for each code, how
 * much of its squared mutual information (histogram-discretised, as MIG) goes to its best factor; a code
 * carrying no information scores 0. Explicitness: per factor, a logistic regression on all standardised codes,
 * scored by the mean one-vs-rest ROC-AUC over the factor's values.
 */
public final class ModularityExplicitnessMetric {
    private static final String METRIC = MetricName.MODULARITY.id();

    private ModularityExplicitnessMetric() {
    }

    public static ClassifierSpec classifier() {
        return LiblinearClassifier.LOGISTIC_REGRESSION.spec();
    }

    public static ModularityResult compute(float[][] trainCodes, int[][] trainFactors, float[][] testCodes,
                                           int[][] testFactors, long seed) {
        return compute(trainCodes, trainFactors, testCodes, testFactors, ModularityProtocol.DEFAULT.numBins(), seed);
    }

    public static ModularityResult compute(float[][] trainCodes, int[][] trainFactors, float[][] testCodes,
                                           int[][] testFactors, int numBins, long seed) {
        check(trainCodes, trainFactors, testCodes, testFactors);
        ModularityProtocol protocol = new ModularityProtocol(trainCodes.length, testCodes.length, numBins);
        double[][] mi = DiscreteInformation.matrix(HistogramDiscretizer.discretize(trainCodes, numBins), trainFactors);
        double modularity = modularity(mi);

        Standardiser standardiser = Standardiser.fit(trainCodes);
        double[][] train = standardiser.apply(trainCodes);
        double[][] test = standardiser.apply(testCodes);
        int factorCount = trainFactors[0].length;
        double explicitTrain = 0;
        double explicitTest = 0;
        for (int j = 0; j < factorCount; j++) {
            int[] trainColumn = Columns.factorColumn(trainFactors, j);
            ClassLabels labels = ClassLabels.of(trainColumn);
            LiblinearClassifier model = LiblinearClassifier.fit(LiblinearClassifier.LOGISTIC_REGRESSION, train,
                    labels.encode(trainColumn), labels.count(), seed);
            explicitTrain += meanOneVsRestAuc(model, train, labels.encode(trainColumn), labels.count(), "training", j);
            explicitTest += meanOneVsRestAuc(model, test, labels.encode(Columns.factorColumn(testFactors, j)),
                    labels.count(), "test", j);
        }
        return new ModularityResult(modularity, explicitTrain / factorCount, explicitTest / factorCount, protocol,
                classifier(), seed);
    }

    /** Mean over codes of 1 - (sum of squared MI off the best factor) / ((#factors - 1) * best squared MI). */
    static double modularity(double[][] mi) {
        int factorCount = mi[0].length;
        double total = 0;
        for (double[] code : mi) {
            double max = 0;
            double sum = 0;
            for (double value : code) {
                double squared = value * value;
                max = Math.max(max, squared);
                sum += squared;
            }
            total += max == 0 ? 0 : 1 - (sum - max) / (max * (factorCount - 1));
        }
        return total / mi.length;
    }

    /** Macro ROC-AUC over the classes that occur in {@code classes}, each against the rest. */
    private static double meanOneVsRestAuc(LiblinearClassifier model, double[][] features, int[] classes,
                                           int classCount, String split, int factor) {
        double[][] probabilities = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            probabilities[i] = model.probabilities(features[i]);
        }
        double sum = 0;
        int counted = 0;
        for (int k = 0; k < classCount; k++) {
            boolean[] positive = new boolean[classes.length];
            double[] score = new double[classes.length];
            for (int i = 0; i < classes.length; i++) {
                positive[i] = classes[i] == k;
                score[i] = probabilities[i][k];
            }
            double auc = RocAuc.auc(positive, score);
            // A value absent from this split has no ROC curve; sklearn would refuse, we leave it out.
            if (!Double.isNaN(auc)) {
                sum += auc;
                counted++;
            }
        }
        if (counted == 0) {
            throw new UserInputException(METRIC + ": no value of factor column " + factor + " in the "
                    + split + " data was seen in training, so explicitness is undefined");
        }
        return sum / counted;
    }

    static void check(float[][] trainCodes, int[][] trainFactors, float[][] testCodes, int[][] testFactors) {
        InputChecks.split(METRIC, "training", trainCodes, trainFactors);
        InputChecks.split(METRIC, "test", testCodes, testFactors);
        InputChecks.sameShape(METRIC, trainCodes, trainFactors, testCodes, testFactors);
        // Modularity divides by (#factors - 1); the ROC curves need both positives and negatives.
        InputChecks.minimumFactors(METRIC, trainFactors[0].length, 2);
        InputChecks.factorsVary(METRIC, "training data", trainFactors);
        InputChecks.factorsVary(METRIC, "test data", testFactors);
    }
}
