package org.vaelab.train;

import org.vaelab.run.Checkpoints;
import org.vaelab.tensor.Adam;
import org.vaelab.tensor.ParameterSet;

/** Writes a checkpoint every {@code every} completed steps and after the last one. */
public final class CheckpointListener implements TrainingListener {
    private final Checkpoints checkpoints;
    private final ParameterSet parameters;
    private final Adam optimizer;
    private final int every;
    private long lastSaved = -1;

    public CheckpointListener(Checkpoints checkpoints, ParameterSet parameters, Adam optimizer, int every) {
        this.checkpoints = checkpoints;
        this.parameters = parameters;
        this.optimizer = optimizer;
        this.every = every;
    }

    /** A resumed run already has the checkpoint it starts from; a new one saves even after zero steps. */
    @Override
    public void onStart(long startStep, long totalSteps) {
        lastSaved = startStep > 0 ? startStep : -1;
    }

    @Override
    public void onStep(StepRecord record) {
        if (record.step() % every == 0) {
            save(record.step());
        }
    }

    @Override
    public void onEnd(long completedSteps) {
        if (lastSaved != completedSteps) {
            save(completedSteps);
        }
    }

    private void save(long step) {
        checkpoints.save(step, parameters, optimizer);
        lastSaved = step;
    }
}
