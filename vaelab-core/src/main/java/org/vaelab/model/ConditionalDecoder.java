package org.vaelab.model;

import org.vaelab.dist.Distribution;
import org.vaelab.dist.Prior;
import org.vaelab.dist.StandardNormal;
import org.vaelab.nn.Layer;
import org.vaelab.tensor.Tensor;

/**
 * The decoder of a class-conditional VAE: p(x | z, y) from a network reading z with the one-hot label y appended.
 * It decodes codes [z, y] (width d + K) as {@link ConditionalEncoder.LabelledPosterior} and {@link LabelledPrior}
 * produce them; see {@link ConditionalEncoder} for how the label reaches the model.
 */
public final class ConditionalDecoder implements Decoder {
    private final Layer network;
    private final LikelihoodHead head;
    private final int dataDim;
    private final int classes;

    /** {@code network} maps [N, d + K] to the head's parameters for D values. */
    public ConditionalDecoder(Layer network, LikelihoodHead head, int dataDim, int classes) {
        this.network = network;
        this.head = head;
        this.dataDim = dataDim;
        this.classes = classes;
    }

    @Override
    public LabelledLikelihood decode(Tensor zAndLabel) {
        Tensor label = zAndLabel.narrow(zAndLabel.rank() - 1, zAndLabel.size(-1) - classes, classes);
        return new LabelledLikelihood(head.distribution(network.forward(zAndLabel)), label, dataDim);
    }

    /** Codes [N, d + K] for generating class {@code labels[i]} from {@code z[i]}. */
    public static Tensor withLabels(Tensor z, int[] labels, int classes) {
        return Tensor.cat(1, z, ConditionalEncoder.oneHot(labels, classes));
    }

    /**
     * p(x | z, y) over the model's data [x, y]: logProb scores the first D columns (the label is given, not
     * modelled); mean and sample return [x, y] with the code's label, matching the data's width. {@link #image()}
     * is the distribution over x alone, for pictures.
     */
    public static final class LabelledLikelihood implements Distribution {
        private final Distribution image;
        private final Tensor label;
        private final int dataDim;

        LabelledLikelihood(Distribution image, Tensor label, int dataDim) {
            this.image = image;
            this.label = label;
            this.dataDim = dataDim;
        }

        public Distribution image() {
            return image;
        }

        @Override
        public Tensor logProb(Tensor value) {
            return image.logProb(value.narrow(value.rank() - 1, 0, dataDim));
        }

        @Override
        public Tensor sample() {
            return Tensor.cat(1, image.sample(), label);
        }

        @Override
        public Tensor mean() {
            return Tensor.cat(1, image.mean(), label);
        }
    }

    /**
     * p(z, y) for a class-conditional model: N(0, I) on z; the label columns carry the class to decode and add
     * nothing to the density (the model is conditional on y). Samples cycle through the classes, row i getting
     * class i mod K, so a grid with K columns shows one class per column. dim() counts z and the label columns.
     */
    public static final class LabelledPrior implements Prior {
        private final StandardNormal latent;
        private final int latentDim;
        private final int classes;

        public LabelledPrior(int latentDim, int classes) {
            this.latent = new StandardNormal(latentDim);
            this.latentDim = latentDim;
            this.classes = classes;
        }

        public int latentDim() {
            return latentDim;
        }

        public int classes() {
            return classes;
        }

        @Override
        public int dim() {
            return latentDim + classes;
        }

        @Override
        public Tensor logProb(Tensor value) {
            return latent.logProb(value.narrow(value.rank() - 1, 0, latentDim));
        }

        @Override
        public Tensor sample(long count) {
            int[] labels = new int[(int) count];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i % classes;
            }
            return withLabels(latent.sample(count), labels, classes);
        }
    }
}
