package org.vaelab.workflow;

import org.vaelab.run.TrainConfig;

/** The few changes a resumed run accepts to its saved config. */
final class ConfigEdits {
    private ConfigEdits() {
    }

    static TrainConfig withSteps(TrainConfig c, long steps, Integer epochs) {
        return new TrainConfig(c.model(), c.dataset(), c.dataDir(), c.binarize(), c.latent(), c.arch(), c.hidden(),
                c.activation(), c.likelihood(), c.gaussianVariance(), c.beta(), c.gamma(), c.capacityMax(),
                c.capacitySteps(), c.alpha(), c.estimator(), steps, epochs, c.batch(), c.lr(), c.seed(), c.threads(), c.logEvery(),
                c.klEvery(), c.checkpointEvery());
    }
}
