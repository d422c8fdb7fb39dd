package org.vaelab.data;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A finite, indexable collection of equally shaped data vectors, stored or generated on demand.
 * Implementations are immutable and safe to read from several threads.
 */
public interface Dataset {

    /** Short name used in run directories and provenance, e.g. "dsprites" or "mnist-train". */
    String name();

    int size();

    /** Shape of one example: images are (channels, height, width); flat vectors are (1, 1, dim). */
    Shape shape();

    ValueKind valueKind();

    /**
     * Writes examples {@code indices[i]} one after another into {@code out} (length indices.length * dim).
     * {@code rng} is used only by stochastic views such as dynamic binarisation; a deterministic dataset
     * ignores it, so the same indices always give the same values.
     */
    void fill(int[] indices, float[] out, SplittableRandom rng);

    /** Ground-truth factors of variation, when the data was generated from them (dSprites). */
    default Optional<FactorGrid> factors() {
        return Optional.empty();
    }

    /** Class labels 0..classCount-1, when the data has them (MNIST, Fashion-MNIST). */
    default Optional<Labels> labels() {
        return Optional.empty();
    }

    /** SHA-256 (hex) of the files the data was read from, or a description of how it was generated. */
    String provenance();

    default int dim() {
        return shape().size();
    }

    /**
     * The shape of x itself: the same as {@link #shape()} except for views that append conditioning columns (a
     * one-hot label), whose examples are wider than what the model generates. Pictures and bits/dim use this.
     */
    default Shape observedShape() {
        return shape();
    }

    record Shape(int channels, int height, int width) {
        public Shape {
            if (channels < 1 || height < 1 || width < 1) {
                throw new IllegalArgumentException("shape must be positive: " + channels + "x" + height + "x" + width);
            }
        }

        public static Shape flat(int dim) {
            return new Shape(1, 1, dim);
        }

        public int size() {
            return channels * height * width;
        }

        public boolean isImage() {
            return height > 1 && width > 1;
        }
    }

    /** Class labels of a labelled dataset. */
    interface Labels {
        int classCount();

        int label(int index);
    }
}
