package org.vaelab.data.synthetic;

import java.util.Optional;
import java.util.SplittableRandom;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;

/** Generated 2-d points with class labels, shared storage and fill logic of the synthetic datasets. */
final class PlanarPoints implements Dataset.Labels {

    private final float[] xy;
    private final int[] labels;
    private final int classCount;

    PlanarPoints(float[] xy, int[] labels, int classCount) {
        this.xy = xy;
        this.labels = labels;
        this.classCount = classCount;
    }

    int size() {
        return labels.length;
    }

    void fill(int[] indices, float[] out) {
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= labels.length) {
                throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (labels.length - 1));
            }
            out[2 * i] = xy[2 * index];
            out[2 * i + 1] = xy[2 * index + 1];
        }
    }

    Optional<Dataset.Labels> asLabels() {
        return Optional.of(this);
    }

    @Override
    public int classCount() {
        return classCount;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    /** Checks the sizes every generator takes from the user. */
    static void requirePositive(String what, long value) {
        if (value < 1) {
            throw new UserInputException(what + " must be at least 1, got " + value);
        }
    }

    static SplittableRandom rng(long seed) {
        return new SplittableRandom(seed);
    }
}
