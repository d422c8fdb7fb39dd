package org.vaelab.train;

/**
 * Every random draw of a training step is seeded from (run seed, step, stream), never carried over from the
 * step before. A resumed run therefore needs no saved generator state to continue the exact same trace.
 */
public final class StepSeeds {
    /** Stream for libtorch's generator: reparameterisation noise and other tensor sampling. */
    public static final int TENSOR_NOISE = 1;
    /** Stream for data noise such as dynamic binarisation. */
    public static final int DATA_NOISE = 2;
    /** Stream for the order of examples within an epoch. */
    public static final int DATA_ORDER = 3;

    private StepSeeds() {
    }

    public static long of(long runSeed, long counter, int stream) {
        return mix(mix(runSeed ^ 0x9E3779B97F4A7C15L * stream) + counter);
    }

    /** SplitMix64's finaliser: consecutive inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
