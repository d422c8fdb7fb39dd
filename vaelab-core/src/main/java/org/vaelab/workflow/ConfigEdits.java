package org.vaelab.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaelab.data.Dataset;
import org.vaelab.data.OneHotLabelled;
import org.vaelab.dist.PcaVariances;
import org.vaelab.run.TrainConfig;

/** The changes a run makes to its requested config: values resolved from the data, and a resumed run's budget. */
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
        return c.with("priorVariances", variances);
    }

    /** For a class-conditional model: the config with the number of classes its data's labels have. */
    static TrainConfig withClasses(TrainConfig c, Dataset data) {
        if (data instanceof OneHotLabelled labelled && c.classes() == null) {
            return c.with("classes", labelled.classes());
        }
        return c;
    }

    static TrainConfig withSteps(TrainConfig c, long steps, Integer epochs) {
        Map<String, Object> budget = new HashMap<>();
        budget.put("steps", steps);
        budget.put("epochs", epochs);
        return c.with(budget);
    }
}
