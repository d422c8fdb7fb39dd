package org.vaelab.explore;

import org.vaelab.UserInputException;
import org.vaelab.model.ConditionalDecoder;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * The two pictures of a class-conditional VAE (Kingma et al. 2014, figure 1; Sohn et al. 2015): what the label
 * controls and what z controls. Images are flat rows of x's {@code imageDim} values, as in {@link Pictures}.
 */
public final class ConditionalPictures {
    private final VariationalAutoencoder model;
    private final ConditionalDecoder.LabelledPrior prior;
    private final int imageDim;
    private final long seed;

    public ConditionalPictures(VariationalAutoencoder model, int imageDim, long seed) {
        if (!(model.prior() instanceof ConditionalDecoder.LabelledPrior labelled)) {
            throw new UserInputException("conditional pictures need a class-conditional model (train with --model cvae)");
        }
        this.model = model;
        this.prior = labelled;
        this.imageDim = imageDim;
        this.seed = seed;
    }

    public int classes() {
        return prior.classes();
    }

    /** "Hold y fixed, vary z": row c shows class c decoded from {@code cols} independent draws of z. */
    public float[][][] byClass(int cols) {
        int k = prior.classes();
        int[] labels = new int[k * cols];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / cols;
        }
        return decode(labels, k * cols, cols);
    }

    /** "Hold z fixed, vary y": row r decodes one draw of z under every class in turn, class c in column c. */
    public float[][][] byStyle(int rows) {
        int k = prior.classes();
        int[] labels = new int[rows * k];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % k;
        }
        try (NoGrad ng = NoGrad.open(); Scope scope = Scope.open()) {
            Engine.seed(seed + 1);
            // One z per row, repeated across the row's columns.
            Tensor z = Tensor.randn(rows, 1, prior.latentDim()).expand(rows, k, prior.latentDim())
                    .reshape(rows * k, prior.latentDim());
            return grid(z, labels, k);
        }
    }

    private float[][][] decode(int[] labels, int count, int cols) {
        try (NoGrad ng = NoGrad.open(); Scope scope = Scope.open()) {
            Engine.seed(seed);
            return grid(Tensor.randn(count, prior.latentDim()), labels, cols);
        }
    }

    private float[][][] grid(Tensor z, int[] labels, int cols) {
        Tensor images = model.decoder().decode(ConditionalDecoder.withLabels(z, labels, prior.classes())).mean()
                .narrow(1, 0, imageDim).clamp(0, 1);
        float[][] rows = images.toMatrix();
        float[][][] out = new float[rows.length / cols][][];
        for (int r = 0; r < out.length; r++) {
            out[r] = java.util.Arrays.copyOfRange(rows, r * cols, (r + 1) * cols);
        }
        return out;
    }
}
