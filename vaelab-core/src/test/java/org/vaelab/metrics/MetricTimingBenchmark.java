package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times DCI and SAP at dlib's sample counts on dSprites-shaped factors (sizes 3, 6, 40, 32, 32) and 10-d codes.
 * Opt-in: mvn -pl vaelab-core test -Dtest=MetricTimingBenchmark -Dvaelab.bench=true
 */
@EnabledIfSystemProperty(named = "vaelab.bench", matches = "true")
class MetricTimingBenchmark {
    private static final int[] SIZES = {3, 6, 40, 32, 32};

    @Test
    void dciAndSapAtDlibCounts() {
        float[][] trainCodes = new float[DciProtocol.DEFAULT.numTrain()][];
        int[][] trainFactors = new int[trainCodes.length][];
        float[][] testCodes = new float[DciProtocol.DEFAULT.numTest()][];
        int[][] testFactors = new int[testCodes.length][];
        Random random = new Random(0);
        fill(trainCodes, trainFactors, random);
        fill(testCodes, testFactors, random);

        long start = System.nanoTime();
        DciResult dci = DciMetric.compute(trainCodes, trainFactors, testCodes, testFactors, 0);
        double dciSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        SapResult sap = SapMetric.compute(trainCodes, trainFactors, testCodes, testFactors, 0);
        double sapSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("cores=%d DCI %.1f s %s%nSAP %.1f s %s%n", Runtime.getRuntime().availableProcessors(),
                dciSeconds, dci.scores(), sapSeconds, sap.scores());
        assertThat(dci.informativenessTest()).isBetween(0.0, 1.0);
    }

    /** Five codes follow one factor each with noise, five are pure noise. */
    private static void fill(float[][] codes, int[][] factors, Random random) {
        for (int i = 0; i < codes.length; i++) {
            factors[i] = new int[SIZES.length];
            codes[i] = new float[10];
            for (int k = 0; k < SIZES.length; k++) {
                factors[i][k] = random.nextInt(SIZES[k]);
                codes[i][k] = (float) (factors[i][k] / (double) SIZES[k] + 0.05 * random.nextGaussian());
            }
            for (int j = SIZES.length; j < 10; j++) {
                codes[i][j] = (float) random.nextGaussian();
            }
        }
    }
}
