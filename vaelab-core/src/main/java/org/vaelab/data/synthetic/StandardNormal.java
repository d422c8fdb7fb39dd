package org.vaelab.data.synthetic;

import java.util.SplittableRandom;

/**
 * Standard normal draws by Box-Muller. Written out rather than taken from RandomGenerator.nextGaussian,
 * whose algorithm the JDK may change, so a seed gives the same data on every Java version.
 */
final class StandardNormal {

    private StandardNormal() {
    }

    static double next(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble(); // in (0, 1], keeps the log finite
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
