package org.vaelab.train;

import java.util.Map;

/**
 * What one finished training step reports: {@code step} counts completed steps (1 after the first), the loss
 * and its named terms as batch means, and the batch-mean KL of each latent dimension when it was computed
 * this step (else null).
 */
public record StepRecord(long step, double loss, Map<String, Double> terms, double[] klPerDimension) {
}
