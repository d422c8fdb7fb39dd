package org.vaelab.workflow;

import java.util.ArrayList;
import java.util.List;
import org.vaelab.data.Dataset;
import org.vaelab.dist.PcaVariances;
import org.vaelab.run.TrainConfig;

/** The few changes a resumed run accepts to its saved config. */
final class ConfigEdits {
    private ConfigEdits() {
    }

    /** Samples of the training data the PCA prior's variances are computed from. */
    private static final int PCA_SAMPLES = 10_000;

    /** For --prior-variance pca: the config with the top-d principal variances of (a sample of) the data. */
    static TrainConfig withPriorVariances(TrainConfig c, Dataset data) {
        if (!c.priorVariance().equals("pca") || c.priorVariances() != null) {
            return c;
        }
        int n = Math.min(PCA_SAMPLES, data.size());
        int[] picked = new java.util.SplittableRandom(c.seed()).ints(0, data.size()).distinct().limit(n).toArray();
        float[] flat = new float[n * data.dim()];
        data.fill(picked, flat, new java.util.SplittableRandom(c.seed()));
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * data.dim(), (i + 1) * data.dim());
        }
        List<Double> variances = new ArrayList<>();
        for (double v : PcaVariances.top(rows, c.latent())) {
            variances.add(v);
        }
        return new TrainConfig(c.model(), c.dataset(), c.dataDir(), c.binarize(), c.latent(), c.arch(), c.hidden(),
                c.activation(), c.likelihood(), c.gaussianVariance(), c.beta(), c.gamma(), c.capacityMax(),
                c.capacitySteps(), c.alpha(), c.estimator(), c.prior(), c.priorVariance(), c.priorVarianceScale(),
                variances, c.df(), c.components(), c.sparsityGamma(), c.divergence(), c.lambda(), c.receptiveField(), c.flowLayers(),
                c.posterior(), c.pixelcnnChannels(), c.steps(),
                c.epochs(), c.batch(), c.lr(), c.seed(), c.threads(), c.logEvery(), c.klEvery(), c.checkpointEvery());
    }

    static TrainConfig withSteps(TrainConfig c, long steps, Integer epochs) {
        return new TrainConfig(c.model(), c.dataset(), c.dataDir(), c.binarize(), c.latent(), c.arch(), c.hidden(),
                c.activation(), c.likelihood(), c.gaussianVariance(), c.beta(), c.gamma(), c.capacityMax(),
                c.capacitySteps(), c.alpha(), c.estimator(), c.prior(), c.priorVariance(), c.priorVarianceScale(),
                c.priorVariances(), c.df(), c.components(), c.sparsityGamma(), c.divergence(), c.lambda(), c.receptiveField(), c.flowLayers(), c.posterior(),
                c.pixelcnnChannels(), steps, epochs, c.batch(), c.lr(), c.seed(), c.threads(), c.logEvery(),
                c.klEvery(), c.checkpointEvery());
    }
}
