package org.vaelab.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;

/**
 * The images a baseline is fitted on, with where they came from.
 *
 * @param images     flat images, all of one length; not copied, so callers must not change them afterwards
 * @param dataset    the source dataset's name
 * @param provenance the source dataset's provenance
 * @param seed       the seed the images were drawn with
 */
public record TrainingSample(float[][] images, String dataset, String provenance, long seed) {
    /** Images rendered per call to {@link Dataset#fill}. */
    private static final int FILL_BATCH = 256;

    public TrainingSample {
        if (images.length == 0) {
            throw new IllegalArgumentException("a training sample needs at least one image");
        }
        int dim = images[0].length;
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != dim) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values, image 0 has "
                        + dim);
            }
            for (float x : images[i]) {
                if (!Float.isFinite(x)) {
                    throw new UserInputException("--dataset " + dataset + ": image " + i + " holds " + x
                            + "; baselines need finite pixel values");
                }
            }
        }
    }

    /** Images given directly, e.g. synthetic data in tests. */
    public static TrainingSample of(float[][] images, String description) {
        return new TrainingSample(images, description, description, 0);
    }

    /**
     * {@code count} distinct images drawn uniformly from {@code data} with {@code seed}, or all of them when it has
     * no more than {@code count}.
     */
    public static TrainingSample draw(Dataset data, int count, long seed) {
        int[] picked = data.size() <= count
                ? IntStream.range(0, data.size()).toArray()
                : new SplittableRandom(seed).ints(0, data.size()).distinct().limit(count).toArray();
        int dim = data.dim();
        float[][] images = new float[picked.length][];
        SplittableRandom fillRandom = new SplittableRandom(seed);
        for (int start = 0; start < picked.length; start += FILL_BATCH) {
            int end = Math.min(picked.length, start + FILL_BATCH);
            float[] buffer = new float[(end - start) * dim];
            data.fill(Arrays.copyOfRange(picked, start, end), buffer, fillRandom);
            for (int i = start; i < end; i++) {
                images[i] = Arrays.copyOfRange(buffer, (i - start) * dim, (i - start + 1) * dim);
            }
        }
        return new TrainingSample(images, data.name(), data.provenance(), seed);
    }

    public int size() {
        return images.length;
    }

    public int dim() {
        return images[0].length;
    }
}
