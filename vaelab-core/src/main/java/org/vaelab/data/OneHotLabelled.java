package org.vaelab.data;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.vaelab.UserInputException;

/**
 * A labelled dataset seen by a class-conditional model: every example is [x, one-hot label], width D + K, flat.
 * The label columns are exact 0/1 values, so binary data stays binary. {@link #observedShape()} is x's own
 * shape, for pictures and bits/dim.
 */
public final class OneHotLabelled implements Dataset {
    private final Dataset source;
    private final Labels labels;

    public OneHotLabelled(Dataset source) {
        this.source = source;
        this.labels = source.labels().orElseThrow(() -> new UserInputException("--model cvae needs a dataset with "
                + "class labels (mnist, fashion-mnist, omniglot, caltech-silhouettes, cifar10, pinwheel); "
                + source.name() + " has none"));
    }

    /** K, the number of one-hot columns appended. */
    public int classes() {
        return labels.classCount();
    }

    /** D, the width of x before the label. */
    public int dataDim() {
        return source.dim();
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
    public Shape observedShape() {
        return source.shape();
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
            Arrays.fill(out, offset + d, offset + d + k, 0f);
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
