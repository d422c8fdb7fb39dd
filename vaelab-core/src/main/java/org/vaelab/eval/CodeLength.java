package org.vaelab.eval;

/**
 * The bits-back code length of an example under a VAE (Hinton and van Camp 1993; Chen et al. 2017, VLAE): sending
 * x costs -ELBO = KL(q(z|x) || p(z)) + E_q[-log p(x|z)] bits after the bits-back refund, of which the KL is what
 * z carries (the rate, the global structure) and the rest what the decoder codes given z (the local detail).
 * All values are means over the evaluated examples.
 *
 * @param bitsInZ          KL / ln 2, bits per example
 * @param bitsInX          E_q[-log p(x|z)] / ln 2, bits per example
 * @param bits             their sum, the negative ELBO in bits
 * @param dims             values coded per example (pixels)
 * @param bitsPerDimInZ    bitsInZ / dims
 * @param bitsPerDimInX    bitsInX / dims
 * @param bitsPerDim       bits / dims
 */
public record CodeLength(double bitsInZ, double bitsInX, double bits, int dims, double bitsPerDimInZ,
                         double bitsPerDimInX, double bitsPerDim) {

    static CodeLength of(double klNats, double reconNats, int dims) {
        double z = klNats / Math.log(2);
        double x = reconNats / Math.log(2);
        return new CodeLength(z, x, z + x, dims, z / dims, x / dims, (z + x) / dims);
    }
}
