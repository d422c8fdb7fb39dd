package org.vaelab.workflow;

import org.vaelab.data.Dataset;
import org.vaelab.model.ModelFactory;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.run.Checkpoints;
import org.vaelab.run.RunConfig;
import org.vaelab.run.RunDirectory;
import org.vaelab.tensor.Engine;

/** A run's model restored from its latest checkpoint, for evaluation and pictures. */
public record TrainedModel(RunDirectory run, RunConfig config, VariationalAutoencoder model, long step) {

    public static TrainedModel load(RunDirectory run, Dataset.Shape shape, int threads) {
        RunConfig config = run.readConfig();
        Checkpoints checkpoints = new Checkpoints(run);
        long step = checkpoints.requireLatestStep();
        Engine.threads(threads);
        VariationalAutoencoder model = ModelFactory.build(config.config(), shape);
        checkpoints.loadModel(step, model.parameters());
        return new TrainedModel(run, config, model, step);
    }
}
