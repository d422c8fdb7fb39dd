package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/** Independent Bernoulli variables parameterised by logits: the likelihood for binary images. */
public final class Bernoulli implements Distribution {
    private final Tensor logits;

    public Bernoulli(Tensor logits) {
        this.logits = logits;
    }

    public Tensor logits() {
        return logits;
    }

    /** log p(x) = x*l - softplus(l), stable for large |l| (the negated binary cross-entropy with logits). */
    @Override
    public Tensor logProb(Tensor value) {
        return value.mul(logits).sub(logits.softplus()).sum(-1);
    }

    @Override
    public Tensor mean() {
        return logits.sigmoid();
    }

    @Override
    public Tensor sample() {
        return mean().detach().bernoulli();
    }

    @Override
    public Tensor entropy() {
        Tensor p = mean();
        return logits.softplus().sub(p.mul(logits)).sum(-1);
    }
}
