package org.vaelab.eval;

/**
 * What {@code vaelab eval} reports, all in nats per example unless named otherwise.
 *
 * @param elbo            mean evidence lower bound E_q[log p(x|z)] - KL (null for a deterministic autoencoder)
 * @param recon           distortion: mean -E_q[log p(x|z)]
 * @param kl              rate: mean KL(q(z|x) || p(z))
 * @param klPerDim        mean KL of each latent dimension (null when the KL does not split by dimension)
 * @param activeUnits     latent dimensions whose mean KL exceeds {@code activeThreshold}
 * @param elboBitsPerDim  -elbo / (D ln 2), for discrete data only (else null)
 * @param iwae            the importance-weighted bound, when requested
 * @param priorMatch      how close the aggregate posterior is to the prior (MMD, mean log p(z))
 * @param decomposition   the average KL split into index-code MI, total correlation and dimension-wise KL over the
 *                        whole training data, when requested
 * @param codeLength      the bits-back code length split into bits in z and bits in x given z, when requested
 */
public record EvalResult(String split, int examples, int dataDim, Double elbo, double recon, double kl,
                         double[] klPerDim, Integer activeUnits, double activeThreshold, Double elboBitsPerDim,
                         Iwae iwae, PriorMatch priorMatch, KlDecompositionResult decomposition,
                         CodeLength codeLength) {

    public EvalResult withDecomposition(KlDecompositionResult result) {
        return new EvalResult(split, examples, dataDim, elbo, recon, kl, klPerDim, activeUnits, activeThreshold,
                elboBitsPerDim, iwae, priorMatch, result, codeLength);
    }

    /** This result with the bits-back code length of its examples (discrete data and a stochastic model only). */
    public EvalResult withCodeLength() {
        if (elboBitsPerDim == null) {
            throw new IllegalStateException("a code length needs discrete data and a likelihood bound");
        }
        return new EvalResult(split, examples, dataDim, elbo, recon, kl, klPerDim, activeUnits, activeThreshold,
                elboBitsPerDim, iwae, priorMatch, decomposition, CodeLength.of(kl, recon, dataDim));
    }

    /**
     * The IWAE bound of Burda et al. 2016 with {@code k} samples: log p(x) >= E[log mean_k w_k], w = p(x,z)/q(z|x).
     *
     * @param logLikelihood mean bound on log p(x), nats
     * @param nll           -logLikelihood
     * @param bitsPerDim    nll / (D ln 2) for discrete data, else null
     */
    public record Iwae(int k, double logLikelihood, double nll, Double bitsPerDim) {
    }
}
