package org.vaelab.cli;

import org.vaelab.train.StepRecord;
import org.vaelab.train.TrainingListener;

/** Shows training progress with the latest loss, recon and KL. */
final class TrainingProgress implements TrainingListener {
    private Progress progress;

    @Override
    public void onStart(long startStep, long totalSteps) {
        progress = new Progress("train", startStep, totalSteps);
    }

    @Override
    public void onStep(StepRecord r) {
        Double recon = r.terms().get("recon");
        Double kl = r.terms().get("kl");
        progress.step(r.step(), String.format("loss %.2f recon %.2f kl %.2f", r.loss(), recon, kl));
    }

    @Override
    public void onEnd(long completedSteps) {
        close();
    }

    void close() {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }
}
