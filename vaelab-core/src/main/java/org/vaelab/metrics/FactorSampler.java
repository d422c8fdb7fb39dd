package org.vaelab.metrics;

import java.util.SplittableRandom;

/** Draws factor rows with each factor uniform over its values, independently, as dlib's sample_factors. */
final class FactorSampler {
    private final int[] sizes;
    private final SplittableRandom random;

    FactorSampler(int[] sizes, SplittableRandom random) {
        this.sizes = sizes.clone();
        this.random = random;
    }

    int factorCount() {
        return sizes.length;
    }

    int[][] sample(int rows) {
        int[][] factors = new int[rows][sizes.length];
        // Column by column, like dlib, so a fixed seed gives the same rows whatever the batch layout.
        for (int k = 0; k < sizes.length; k++) {
            for (int i = 0; i < rows; i++) {
                factors[i][k] = random.nextInt(sizes[k]);
            }
        }
        return factors;
    }

    int randomFactorIndex() {
        return random.nextInt(sizes.length);
    }
}
