package org.vaelab.model;

import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.nn.Layer;
import org.vaelab.tensor.Tensor;

/** A network emitting [B, 2d]: the posterior's means and log-variances. */
public final class GaussianEncoder implements Encoder {
    private final Layer network;

    public GaussianEncoder(Layer network) {
        this.network = network;
    }

    @Override
    public DiagonalGaussian encode(Tensor x) {
        return DiagonalGaussian.fromConcatenated(network.forward(x));
    }
}
