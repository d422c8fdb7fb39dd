package org.vaelab.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vaelab.data.dsprites.DSprites;

/**
 * Times PCA and FastICA on 10,000 dSprites images with k = 10, the baseline command's defaults.
 * Opt-in: mvn -pl vaelab-core test -Dtest=BaselineTimingBenchmark -Dvaelab.bench=true
 */
@EnabledIfSystemProperty(named = "vaelab.bench", matches = "true")
class BaselineTimingBenchmark {

    @Test
    void pcaAndIcaOnTenThousandDSpritesImages() {
        long start = System.nanoTime();
        TrainingSample sample = TrainingSample.draw(new DSprites(), Baselines.DEFAULT_SAMPLES, 0);
        System.out.printf("cores=%d, draw %.2f s%n", Runtime.getRuntime().availableProcessors(),
                (System.nanoTime() - start) / 1e9);
        // Twice, since the first round also pays for JIT compilation.
        for (int round = 1; round <= 2; round++) {
            FitReport pca = Pca.fit(sample, 10, false, round).fitReport().orElseThrow();
            FitReport ica = FastIca.fit(sample, 10, round).fitReport().orElseThrow();
            System.out.printf("round %d: PCA %.2f s (%d iterations, converged %s); ICA %.2f s (PCA %d iterations,"
                            + " ICA %d iterations, converged %s, last change %.2g)%n", round, pca.fitSeconds(),
                    pca.pcaIterations(), pca.pcaConverged(), ica.fitSeconds(), ica.pcaIterations(),
                    ica.icaIterations(), ica.icaConverged(), ica.icaLastChange());
            System.out.println("variances " + Arrays.toString(pca.variances()));
            assertThat(pca.pcaConverged()).isTrue();
        }
        LinearProjection pca = Pca.fit(sample, 10, false, 0);
        start = System.nanoTime();
        float[][] codes = pca.encode(sample.images());
        System.out.printf("PCA encode of %d images %.2f s%n", codes.length, (System.nanoTime() - start) / 1e9);
    }
}
