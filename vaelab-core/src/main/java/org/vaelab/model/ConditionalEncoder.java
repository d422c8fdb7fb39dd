package org.vaelab.model;

import java.util.Optional;
import java.util.SplittableRandom;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.FactorGrid;
import org.vaelab.data.ValueKind;
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
 * <p>How the label travels without changing the model's interfaces: {@link LabelledData} appends the one-hot
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

    /**
     * A view of a labelled dataset whose examples are [x, one-hot label]: width D + K, flat shape. The label
     * columns are exact 0/1 values, so binary data stays binary. Note that bits/dim computed from this view's
     * dim() divides by D + K, not D.
     */
    public static final class LabelledData implements Dataset {
        private final Dataset source;
        private final Labels labels;

        public LabelledData(Dataset source) {
            this.source = source;
            this.labels = source.labels().orElseThrow(() -> new UserInputException("--model cvae needs a labelled "
                    + "dataset (mnist, fashion-mnist or pinwheel); " + source.name() + " has no class labels"));
        }

        /** K, the number of one-hot columns appended. */
        public int classes() {
            return labels.classCount();
        }

        /** D, the width of the data before the label. */
        public int dataDim() {
            return source.dim();
        }

        /** Shape of the data without the label (images keep their geometry here). */
        public Shape dataShape() {
            return source.shape();
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public int size() {
            return source.size();
        }

        @Override
        public Shape shape() {
            return Shape.flat(source.dim() + labels.classCount());
        }

        @Override
        public ValueKind valueKind() {
            return source.valueKind();
        }

        @Override
        public void fill(int[] indices, float[] out, SplittableRandom rng) {
            int d = source.dim();
            int k = labels.classCount();
            float[] data = new float[indices.length * d];
            source.fill(indices, data, rng);
            for (int i = 0; i < indices.length; i++) {
                int offset = i * (d + k);
                System.arraycopy(data, i * d, out, offset, d);
                java.util.Arrays.fill(out, offset + d, offset + d + k, 0f);
                out[offset + d + labels.label(indices[i])] = 1f;
            }
        }

        @Override
        public Optional<FactorGrid> factors() {
            return source.factors();
        }

        @Override
        public Optional<Labels> labels() {
            return Optional.of(labels);
        }

        @Override
        public String provenance() {
            return source.provenance() + "; one-hot labels of " + labels.classCount() + " classes appended";
        }
    }
}
