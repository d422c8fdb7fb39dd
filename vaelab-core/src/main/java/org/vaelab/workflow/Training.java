package org.vaelab.workflow;

import java.util.ArrayList;
import java.util.List;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.model.ModelFactory;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.objective.Objective;
import org.vaelab.objective.ObjectiveFactory;
import org.vaelab.run.Checkpoints;
import org.vaelab.run.RunConfig;
import org.vaelab.run.RunDirectory;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.Adam;
import org.vaelab.tensor.Engine;
import org.vaelab.train.BatchSource;
import org.vaelab.train.CheckpointListener;
import org.vaelab.train.MetricsLog;
import org.vaelab.train.Trainer;
import org.vaelab.train.TrainingListener;

/**
 * A training run from config to checkpoints: builds data, model, objective and optimizer, restores the latest
 * checkpoint when resuming, and runs the {@link Trainer} with the metrics log and checkpoint listeners plus any
 * the caller adds (progress display).
 */
public final class Training {
    private final RunDirectory run;
    private final TrainConfig config;
    private final Dataset data;
    private final VariationalAutoencoder model;
    private final Adam optimizer;
    private final Checkpoints checkpoints;
    private final long startStep;

    private Training(RunDirectory run, TrainConfig config, Dataset data, long startStep) {
        this.run = run;
        this.config = config;
        this.data = data;
        Engine.threads(config.threads());
        Engine.seed(config.seed());
        this.model = ModelFactory.build(config, data.shape());
        this.optimizer = new Adam(model.parameters(), config.lr());
        this.checkpoints = new Checkpoints(run);
        if (startStep > 0) {
            checkpoints.load(startStep, model.parameters(), optimizer);
        }
        this.startStep = startStep;
    }

    /** A new run in a directory that must not hold one already. */
    public static Training start(RunDirectory run, TrainConfig requested, Dataset plainData) {
        RunDirectory.requireFree(run.root());
        Dataset data = RunData.forModel(requested.model(), plainData);
        TrainConfig config = ConfigEdits.withClasses(ConfigEdits.withPriorVariances(requested, data), data);
        Training training = new Training(run, config, data, 0);
        // Only now that the model builds does the directory appear: a failed start leaves nothing behind.
        RunDirectory.create(run.root());
        run.writeConfig(new RunConfig(config, Versions.provenance(config.dataset(), data.provenance())));
        return training;
    }

    /**
     * Continues the run in {@code run} with its saved config, except for the step budget ({@code steps}, and the
     * {@code epochs} it came from, if any). The data must be the same (same checksum) as when the run started.
     */
    public static Training resume(RunDirectory run, long steps, Integer epochs, Dataset plainData) {
        RunConfig saved = run.readConfig();
        Dataset data = RunData.forModel(saved.config().model(), plainData);
        if (!saved.provenance().datasetProvenance().equals(data.provenance())) {
            throw new UserInputException("the data differs from the data " + run.root() + " was trained on ("
                    + saved.provenance().datasetProvenance() + " vs " + data.provenance() + "); resume with the "
                    + "same files or start a new run");
        }
        TrainConfig config = saved.config();
        if (steps != config.steps()) {
            config = ConfigEdits.withSteps(config, steps, epochs);
        }
        long step = new Checkpoints(run).latestStep().orElse(0L);
        if (step > config.steps()) {
            throw new UserInputException(run.root() + " has already trained " + step + " steps, more than --steps "
                    + config.steps() + "; pass a larger --steps to continue");
        }
        run.writeConfig(new RunConfig(config, saved.provenance()));
        return new Training(run, config, data, step);
    }

    public long startStep() {
        return startStep;
    }

    public TrainConfig config() {
        return config;
    }

    public VariationalAutoencoder model() {
        return model;
    }

    public void run(List<TrainingListener> extraListeners) {
        Objective objective = ObjectiveFactory.build(config, data.size());
        BatchSource batches = new BatchSource(data, config.batch(), config.seed());
        List<TrainingListener> listeners = new ArrayList<>();
        MetricsLog log = new MetricsLog(run.metrics(), config.logEvery());
        listeners.add(log);
        listeners.add(new CheckpointListener(checkpoints, model.parameters(), optimizer, config.checkpointEvery()));
        listeners.addAll(extraListeners);
        try {
            new Trainer(model, objective, optimizer, batches, config.seed(), config.klEvery(), listeners)
                    .run(startStep, config.steps());
        } finally {
            log.close();
        }
    }
}
