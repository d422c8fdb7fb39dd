package org.vaelab.data;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Every value of a dataset, filled in index order, for tests that check what a dataset holds. */
public final class DatasetValues {

    private DatasetValues() {
    }

    /** All examples, one after another, filled with a fixed random source. */
    public static float[] fillAll(Dataset data) {
        return fillAll(data, new SplittableRandom(1));
    }

    public static float[] fillAll(Dataset data, SplittableRandom rng) {
        int[] indices = IntStream.range(0, data.size()).toArray();
        float[] out = new float[indices.length * data.dim()];
        data.fill(indices, out, rng);
        return out;
    }

    public static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
