package org.vaelab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastIcaTest {
    private static final int SOURCES = 4;

    @Test
    void recoversIndependentNonGaussianSourcesUpToPermutationSignAndScale() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 5_000;
        int dim = 12;
        double[][] sources = sources(n, random);
        float[][] mixed = mix(sources, dim, random);

        LinearProjection ica = FastIca.fit(TrainingSample.of(mixed, "mixture"), SOURCES, 5);
        float[][] codes = ica.encode(mixed);

        Set<Integer> matched = new HashSet<>();
        for (double[] source : sources) {
            int best = -1;
            double bestCorrelation = 0;
            for (int c = 0; c < SOURCES; c++) {
                double r = Math.abs(Synthetic.correlation(codes, c, source));
                if (r > bestCorrelation) {
                    bestCorrelation = r;
                    best = c;
                }
            }
            assertThat(bestCorrelation).isGreaterThan(0.95);
            matched.add(best);
        }
        assertThat(matched).hasSize(SOURCES);
        FitReport report = ica.fitReport().orElseThrow();
        assertThat(report.icaConverged()).isTrue();
        assertThat(report.icaIterations()).isLessThan(FastIca.MAX_ITERATIONS);
    }

    @Test
    void sourcesHaveUnitVarianceAndNoCorrelationOnTheFittingSample() {
        SplittableRandom random = new SplittableRandom(12);
        double[][] sources = sources(3_000, random);
        float[][] mixed = mix(sources, 8, random);

        LinearProjection ica = FastIca.fit(TrainingSample.of(mixed, "mixture"), SOURCES, 0);

        double[][] cov = Synthetic.covariance(ica.encode(mixed));
        for (int a = 0; a < SOURCES; a++) {
            for (int b = 0; b < SOURCES; b++) {
                // Unit population variance, so the n - 1 covariance is n / (n - 1).
                assertThat(cov[a][b]).isCloseTo(a == b ? 3_000.0 / 2_999 : 0, within(1e-4));
            }
        }
        assertThat(ica.whitened()).isTrue();
        assertThat(ica.name()).isEqualTo("ica");
    }

    @Test
    void symmetricDecorrelationGivesOrthonormalRows() {
        double[][] w = {{2, 1, 0}, {0.5, 3, 1}, {1, -1, 4}};
        double[][] out = FastIca.symmetricDecorrelation(w);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(Synthetic.dot(out[a], out[b])).isCloseTo(a == b ? 1 : 0, within(1e-12));
            }
        }
    }

    /** Two uniform and two Laplace sources, each of unit variance. */
    private static double[][] sources(int n, SplittableRandom random) {
        double[][] s = new double[SOURCES][n];
        for (int i = 0; i < n; i++) {
            s[0][i] = Math.sqrt(3) * (2 * random.nextDouble() - 1);
            s[1][i] = Math.sqrt(3) * (2 * random.nextDouble() - 1);
            s[2][i] = laplace(random);
            s[3][i] = laplace(random);
        }
        return s;
    }

    private static double laplace(SplittableRandom random) {
        double u = random.nextDouble() - 0.5;
        return -Math.signum(u) * Math.log(1 - 2 * Math.abs(u)) / Math.sqrt(2);
    }

    /** x = offset + A s with a random dim x 4 matrix A. */
    private static float[][] mix(double[][] sources, int dim, SplittableRandom random) {
        double[][] mixing = new double[dim][SOURCES];
        for (double[] row : mixing) {
            for (int c = 0; c < SOURCES; c++) {
                row[c] = random.nextGaussian();
            }
        }
        int n = sources[0].length;
        float[][] x = new float[n][dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                double sum = 0.5 * j;
                for (int c = 0; c < SOURCES; c++) {
                    sum += mixing[j][c] * sources[c][i];
                }
                x[i][j] = (float) sum;
            }
        }
        return x;
    }
}
