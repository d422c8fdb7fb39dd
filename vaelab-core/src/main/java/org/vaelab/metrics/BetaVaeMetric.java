package org.vaelab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaelab.data.FactorGrid;

/**
 * The beta-VAE metric (Higgins et al. 2017) as dlib's beta_vae_sklearn: a point is made by picking a factor,
 * drawing a batch of factor-row pairs that agree on it (and on nothing else by design), and averaging
 * |z1 - z2| over the batch; a logistic regression then predicts the fixed factor from such points.
 */
public final class BetaVaeMetric {
    private static final String METRIC = MetricName.BETA_VAE.id();

    private BetaVaeMetric() {
    }

    public static ClassifierSpec classifier() {
        return LiblinearClassifier.LOGISTIC_REGRESSION.spec();
    }

    public static BetaVaeResult compute(FactorGrid grid, FactorEncoder encoder, long seed) {
        return compute(grid, encoder, BetaVaeProtocol.DEFAULT, seed);
    }

    public static BetaVaeResult compute(FactorGrid grid, FactorEncoder encoder, BetaVaeProtocol protocol,
                                        long seed) {
        InputChecks.grid(METRIC, grid);
        CheckedEncoder checkedEncoder = new CheckedEncoder(METRIC, encoder);
        FactorSampler sampler = new FactorSampler(grid.sizes(), new SplittableRandom(seed));
        int factorCount = sampler.factorCount();

        int[] trainLabels = new int[protocol.numTrain()];
        double[][] trainPoints = points(sampler, checkedEncoder, protocol.batchSize(), trainLabels);
        LiblinearClassifier model = LiblinearClassifier.fit(LiblinearClassifier.LOGISTIC_REGRESSION, trainPoints,
                trainLabels, factorCount, seed);
        double trainAccuracy = accuracy(model, trainPoints, trainLabels);

        int[] evalLabels = new int[protocol.numEval()];
        double[][] evalPoints = points(sampler, checkedEncoder, protocol.batchSize(), evalLabels);
        int[] evalPredicted = predict(model, evalPoints);
        return new BetaVaeResult(trainAccuracy, Accuracy.of(evalPredicted, evalLabels),
                accuracyByFactor(grid.names(), evalPredicted, evalLabels), protocol, classifier(), seed);
    }

    /** Fills {@code labels} with the fixed factor of each point and returns the points. */
    private static double[][] points(FactorSampler sampler, CheckedEncoder encoder, int batchSize, int[] labels) {
        double[][] points = new double[labels.length][];
        for (int p = 0; p < labels.length; p++) {
            int fixed = sampler.randomFactorIndex();
            int[][] first = sampler.sample(batchSize);
            int[][] second = sampler.sample(batchSize);
            for (int b = 0; b < batchSize; b++) {
                second[b][fixed] = first[b][fixed];
            }
            float[][] codes1 = encoder.encode(first);
            float[][] codes2 = encoder.encode(second);
            double[] point = new double[codes1[0].length];
            for (int b = 0; b < batchSize; b++) {
                for (int j = 0; j < point.length; j++) {
                    point[j] += Math.abs(codes1[b][j] - codes2[b][j]);
                }
            }
            for (int j = 0; j < point.length; j++) {
                point[j] /= batchSize;
            }
            labels[p] = fixed;
            points[p] = point;
        }
        return points;
    }

    private static double accuracy(LiblinearClassifier model, double[][] points, int[] labels) {
        return Accuracy.of(predict(model, points), labels);
    }

    private static int[] predict(LiblinearClassifier model, double[][] points) {
        int[] predicted = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            predicted[i] = model.predict(points[i]);
        }
        return predicted;
    }

    /**
     * For each factor, the fraction of points that held it fixed and were classified as holding it fixed; a factor
     * no evaluation point held fixed is left out.
     */
    private static Map<String, Double> accuracyByFactor(String[] names, int[] predicted, int[] labels) {
        int[] correct = new int[names.length];
        int[] total = new int[names.length];
        for (int i = 0; i < labels.length; i++) {
            total[labels[i]]++;
            if (predicted[i] == labels[i]) {
                correct[labels[i]]++;
            }
        }
        Map<String, Double> byFactor = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) {
            if (total[k] > 0) {
                byFactor.put(names[k], correct[k] / (double) total[k]);
            }
        }
        return byFactor;
    }
}
