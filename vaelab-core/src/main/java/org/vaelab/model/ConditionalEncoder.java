package org.vaelab.model;

import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.Distribution;
import org.vaelab.dist.KlRegistry;
import org.vaelab.dist.KlTerm;
import org.vaelab.dist.StandardNormal;
import org.vaelab.nn.Layer;
import org.vaelab.tensor.Tensor;

/**
 * The encoder of a class-conditional VAE (Sohn et al. 2015): q(z | x, y) from a network reading x with the
 * one-hot label y appended.
 *
 * <p>How the label travels without changing the model's interfaces: {@link org.vaelab.data.OneHotLabelled} appends the one-hot
 * label to every example, so the model's "x" is [x, y] (width D + K). This encoder reads it whole and returns a
 * {@link LabelledPosterior} over [z, y]: z Gaussian, y copied through as a point mass. The decoder
 * ({@link ConditionalDecoder}) then reads [z, y], and its likelihood scores only the x part of [x, y]. The prior
 * ({@link ConditionalDecoder.LabelledPrior}) is N(0, I) on z and ignores y. So VariationalAutoencoder, the
 * objectives and the Evaluator (ELBO, IWAE) run unchanged and compute log p(x | y) bounds.
 */
public final class ConditionalEncoder implements Encoder {
    private final Layer network;
    private final int dataDim;
    private final int classes;

    /** {@code network} maps [B, D + K] to [B, 2d]: means then log-variances. */
    public ConditionalEncoder(Layer network, int dataDim, int classes) {
        this.network = network;
        this.dataDim = dataDim;
        this.classes = classes;
    }

    @Override
    public LabelledPosterior encode(Tensor xAndLabel) {
        if (xAndLabel.size(-1) != (long) dataDim + classes) {
            throw new IllegalArgumentException("expected data with " + classes + " one-hot label columns appended, width "
                    + (dataDim + classes) + ", got " + xAndLabel);
        }
        Tensor label = xAndLabel.narrow(xAndLabel.rank() - 1, dataDim, classes);
        return new LabelledPosterior(DiagonalGaussian.fromConcatenated(network.forward(xAndLabel)), label);
    }

    /** One-hot rows [labels.length, classes]. */
    public static Tensor oneHot(int[] labels, int classes) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (classes - 1));
            }
            values[i * classes + labels[i]] = 1;
        }
        return Tensor.of(values, labels.length, classes);
    }

    /**
     * q(z, y | x, y) = N(z; mu, sigma^2) times a point mass on the given label: samples are [z, y] (width d + K),
     * and the log-density is the Gaussian's on the z part. The KL against {@link ConditionalDecoder.LabelledPrior}
     * is the Gaussian closed form, reported per dimension with zeros in the label columns.
     */
    public static final class LabelledPosterior implements Distribution {
        static {
            KlRegistry.register(LabelledPosterior.class, ConditionalDecoder.LabelledPrior.class,
                    (q, p) -> q.klToPrior());
        }

        private final DiagonalGaussian latent;
        private final Tensor label;

        public LabelledPosterior(DiagonalGaussian latent, Tensor label) {
            this.latent = latent;
            this.label = label;
        }

        /** The Gaussian over z alone. */
        public DiagonalGaussian latent() {
            return latent;
        }

        public Tensor label() {
            return label;
        }

        @Override
        public Tensor logProb(Tensor value) {
            return latent.logProb(value.narrow(value.rank() - 1, 0, latent.mean().size(-1)));
        }

        @Override
        public Tensor rsample() {
            return withLabel(latent.rsample());
        }

        @Override
        public Tensor rsample(long count) {
            return withLabel(latent.rsample(count));
        }

        @Override
        public Tensor sample() {
            return rsample().detach();
        }

        @Override
        public Tensor mean() {
            return withLabel(latent.mean());
        }

        @Override
        public Tensor entropy() {
            return latent.entropy();
        }

        KlTerm klToPrior() {
            int d = (int) latent.mean().size(-1);
            KlTerm gaussian = KlRegistry.divergence(latent, new StandardNormal(d), null);
            Tensor perDimension = Tensor.cat(gaussian.perDimension().rank() - 1, gaussian.perDimension(),
                    Tensor.zeros(label.shape()));
            return new KlTerm(gaussian.total(), perDimension, true);
        }

        private Tensor withLabel(Tensor z) {
            Tensor labels = label;
            if (z.rank() > label.rank()) {
                long[] shape = z.shape();
                shape[shape.length - 1] = label.size(-1);
                labels = label.expand(shape);
            }
            return Tensor.cat(z.rank() - 1, z, labels);
        }
    }
}
