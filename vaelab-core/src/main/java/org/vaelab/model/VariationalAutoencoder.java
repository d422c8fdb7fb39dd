package org.vaelab.model;

import org.vaelab.dist.Distribution;
import org.vaelab.dist.KlRegistry;
import org.vaelab.dist.KlTerm;
import org.vaelab.dist.Prior;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * Encoder, decoder and prior, with the parameters they registered. A deterministic model (the plain
 * autoencoder) decodes the posterior mean instead of a sample. The objective is kept apart: see
 * org.vaelab.objective.
 */
public final class VariationalAutoencoder {
    private final Encoder encoder;
    private final Decoder decoder;
    private final Prior prior;
    private final ParameterSet parameters;
    private final boolean stochastic;

    public VariationalAutoencoder(Encoder encoder, Decoder decoder, Prior prior, ParameterSet parameters,
                                  boolean stochastic) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.prior = prior;
        this.parameters = parameters;
        this.stochastic = stochastic;
    }

    public ForwardPass forward(Tensor x) {
        Distribution posterior = encoder.encode(x);
        Tensor z = stochastic ? posterior.rsample() : posterior.mean();
        Distribution likelihood = decoder.decode(z);
        KlTerm kl = KlRegistry.divergence(posterior, prior, z);
        return new ForwardPass(x, posterior, z, likelihood, likelihood.logProb(x), prior, kl);
    }

    public Encoder encoder() {
        return encoder;
    }

    public Decoder decoder() {
        return decoder;
    }

    public Prior prior() {
        return prior;
    }

    public ParameterSet parameters() {
        return parameters;
    }

    /** False for the plain autoencoder, whose codes are points: it has no likelihood bound. */
    public boolean stochastic() {
        return stochastic;
    }

    public int latentDim() {
        return prior.dim();
    }
}
