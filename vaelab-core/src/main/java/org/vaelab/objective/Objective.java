package org.vaelab.objective;

import org.vaelab.model.ForwardPass;

/**
 * A training loss read from one forward pass. Convention for every objective: terms are summed over data
 * dimensions and latent dimensions, then averaged over the batch, so beta, gamma and C mean the same thing
 * whatever the image size or batch size (the mismatch between per-pixel means and per-image sums is the
 * classic source of wrongly scaled beta in other projects).
 */
public interface Objective {

    /** The loss to minimise at training step {@code step} (schedules such as capacity annealing read it). */
    Loss evaluate(ForwardPass pass, long step);
}
