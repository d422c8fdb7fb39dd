package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/**
 * KL(q || p) for a batch: {@code total} has shape [B]; {@code perDimension} has shape [B, d] when both sides
 * factorise over dimensions and the closed form splits, otherwise null. {@code analytic} tells whether it is
 * the closed form or a single-sample Monte-Carlo estimate.
 */
public record KlTerm(Tensor total, Tensor perDimension, boolean analytic) {
}
