package org.vaelab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaelab.data.FactorGrid;

/**
 * The FactorVAE metric (Kim & Mnih 2018) as dlib computes it: codes are scaled by their global std; for a batch
 * that shares one factor's value, the active dimension with the smallest scaled variance votes for that
 * factor; each dimension is then assigned the factor it most often voted for, and accuracy is the share of
 * votes that agree with that assignment.
 */
public final class FactorVaeMetric {
    private static final String METRIC = MetricName.FACTOR_VAE.id();

    private FactorVaeMetric() {
    }

    public static ClassifierSpec classifier() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("rule", "each code dimension predicts the factor it was most often the argmin for");
        settings.put("ties", "lowest factor index");
        return new ClassifierSpec("majority vote", "vaelab", settings);
    }

    public static FactorVaeResult compute(FactorGrid grid, FactorEncoder encoder, long seed) {
        return compute(grid, encoder, FactorVaeProtocol.DEFAULT, seed);
    }

    public static FactorVaeResult compute(FactorGrid grid, FactorEncoder encoder, FactorVaeProtocol protocol,
                                          long seed) {
        InputChecks.grid(METRIC, grid);
        CheckedEncoder checkedEncoder = new CheckedEncoder(METRIC, encoder);
        FactorSampler sampler = new FactorSampler(grid.sizes(), new SplittableRandom(seed));

        float[][] globalCodes = checkedEncoder.encodeInBatches(
                sampler.sample(protocol.numVarianceEstimate()), protocol.batchSize());
        double[] globalVariances = Columns.variances(globalCodes, 1);
        boolean[] active = new boolean[globalVariances.length];
        int activeCount = 0;
        for (int j = 0; j < active.length; j++) {
            active[j] = Math.sqrt(globalVariances[j]) >= protocol.pruneThreshold();
            activeCount += active[j] ? 1 : 0;
        }
        if (activeCount == 0) {
            // dlib's answer when every dimension collapsed.
            return new FactorVaeResult(0, 0, 0, protocol, classifier(), seed);
        }
        Votes votes = new Votes(sampler, checkedEncoder, protocol.batchSize(), globalVariances, active);
        long[][] trainVotes = votes.cast(protocol.numTrain());
        int[] factorOfDim = majorityFactor(trainVotes);
        double trainAccuracy = agreement(trainVotes, factorOfDim);
        double evalAccuracy = agreement(votes.cast(protocol.numEval()), factorOfDim);
        return new FactorVaeResult(trainAccuracy, evalAccuracy, activeCount, protocol, classifier(), seed);
    }

    /** For each dimension, the factor with the most votes (first on ties, as np.argmax). */
    private static int[] majorityFactor(long[][] votes) {
        int[] factorOfDim = new int[votes[0].length];
        for (int dim = 0; dim < factorOfDim.length; dim++) {
            for (int k = 1; k < votes.length; k++) {
                if (votes[k][dim] > votes[factorOfDim[dim]][dim]) {
                    factorOfDim[dim] = k;
                }
            }
        }
        return factorOfDim;
    }

    private static double agreement(long[][] votes, int[] factorOfDim) {
        long agreeing = 0;
        long total = 0;
        for (int k = 0; k < votes.length; k++) {
            for (int dim = 0; dim < factorOfDim.length; dim++) {
                total += votes[k][dim];
                if (factorOfDim[dim] == k) {
                    agreeing += votes[k][dim];
                }
            }
        }
        return agreeing / (double) total;
    }
}
