package org.vaelab.metrics;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Hand-made encoders for the small grid: a disentangled one (each factor in its own code dimension, permuted and
 * scaled, plus a pure-noise dimension), an entangled one (the same values mixed by an orthogonal matrix so every
 * code holds every factor) and one of pure noise.
 */
final class Representations {
    /** Code dimension j holds factor PERMUTATION[j]. */
    private static final int[] PERMUTATION = {2, 0, 1};
    private static final double[] SCALES = {3.0, -0.5, 1.7};
    private static final double NOISE = 0.01;

    private Representations() {
    }

    static FactorEncoder disentangled(long seed) {
        Random random = new Random(seed);
        return rows -> {
            float[][] codes = new float[rows.length][4];
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < 3; j++) {
                    int factor = PERMUTATION[j];
                    codes[i][j] = (float) (SCALES[j] * (rows[i][factor] + NOISE * random.nextGaussian()));
                }
                codes[i][3] = (float) random.nextGaussian();
            }
            return codes;
        };
    }

    /** Normalised factors mixed by a fixed orthogonal matrix with no zero entries. */
    static FactorEncoder entangled(long seed) {
        double[][] rotation = rotation();
        int[] sizes = new SmallGrid().sizes();
        Random random = new Random(seed);
        return rows -> {
            float[][] codes = new float[rows.length][3];
            for (int i = 0; i < rows.length; i++) {
                double[] centred = new double[3];
                for (int k = 0; k < 3; k++) {
                    centred[k] = rows[i][k] / (double) (sizes[k] - 1) - 0.5 + NOISE * random.nextGaussian();
                }
                for (int j = 0; j < 3; j++) {
                    double value = 0;
                    for (int k = 0; k < 3; k++) {
                        value += rotation[j][k] * centred[k];
                    }
                    codes[i][j] = (float) value;
                }
            }
            return codes;
        };
    }

    static FactorEncoder noise(long seed) {
        Random random = new Random(seed);
        return rows -> {
            float[][] codes = new float[rows.length][4];
            for (float[] code : codes) {
                for (int j = 0; j < code.length; j++) {
                    code[j] = (float) random.nextGaussian();
                }
            }
            return codes;
        };
    }

    /** The orthogonal matrix I - 2vv'/|v|^2 with v = (1,1,1): weights of 1/3 and 2/3, none zero. */
    private static double[][] rotation() {
        double third = 1 / 3.0;
        return new double[][] {{third, -2 * third, -2 * third}, {-2 * third, third, -2 * third},
                {-2 * third, -2 * third, third}};
    }

    /** Factor rows drawn uniformly from the small grid, and their codes. */
    record Sample(float[][] codes, int[][] factors) {
        static Sample draw(FactorEncoder encoder, int count, long seed) {
            FactorSampler sampler = new FactorSampler(new SmallGrid().sizes(), new SplittableRandom(seed));
            int[][] factors = sampler.sample(count);
            return new Sample(encoder.encode(factors), factors);
        }
    }
}
