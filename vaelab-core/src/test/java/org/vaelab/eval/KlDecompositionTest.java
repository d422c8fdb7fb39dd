package org.vaelab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.dist.StandardNormal;
import org.vaelab.model.GaussianEncoder;
import org.vaelab.tensor.Engine;

/**
 * The whole-dataset decomposition on datasets whose examples ARE their posteriors: each row holds d means then d
 * log-variances, and the encoder is a GaussianEncoder whose network is the identity.
 */
class KlDecompositionTest {
    private static final GaussianEncoder IDENTITY = new GaussianEncoder(x -> x);

    @BeforeAll
    static void oneThread() {
        Engine.threads(1);
    }

    @Test
    void termsAddUpToTheDirectlyComputedAverageKl() {
        Random rng = new Random(21);
        int n = 1500;
        int d = 3;
        float[][] rows = new float[n][2 * d];
        for (float[] row : rows) {
            double u = rng.nextGaussian();
            for (int k = 0; k < d; k++) {
                row[k] = (float) (0.8 * u + 0.6 * rng.nextGaussian());
                row[d + k] = (float) (-4 + 4 * rng.nextDouble());
            }
        }
        KlDecompositionResult r = new KlDecomposition(IDENTITY, new StandardNormal(d), 256, 3000, 1)
                .decompose(new Rows(rows), done -> { });
        assertThat(r.posteriors()).isEqualTo(n);
        assertThat(r.samples()).isEqualTo(3000);
        assertThat(r.averageKlAnalytic()).isTrue();
        assertThat(r.sum().nats()).isCloseTo(r.mi().nats() + r.tc().nats() + r.dwkl().nats(), within(1e-9));
        // The sum is a 3000-sample Monte-Carlo estimate of the average KL: 4 standard errors.
        assertThat(r.sum().nats()).isCloseTo(r.averageKl(), within(4 * r.sum().standardError()));
        assertThat(r.sum().standardError()).isLessThan(0.1);
        assertThat(r.tc().nats()).isPositive();
    }

    @Test
    void gaussianAggregateMatchesItsClosedForms() {
        // Means from a 2-d Gaussian with correlation 0.6, posterior sd 0.5: with 4000 examples the aggregate is close
        // to the Gaussian N(mean, C + 0.25 I) (C the means' sample covariance), whose terms are closed forms.
        Random rng = new Random(22);
        int n = 4000;
        double sigma2 = 0.25;
        float[][] rows = new float[n][4];
        for (float[] row : rows) {
            double u = rng.nextGaussian();
            row[0] = (float) u;
            row[1] = (float) (0.6 * u + 0.8 * rng.nextGaussian());
            row[2] = (float) Math.log(sigma2);
            row[3] = (float) Math.log(sigma2);
        }
        double[] mean = new double[2];
        double[][] cov = new double[2][2];
        for (float[] row : rows) {
            mean[0] += row[0] / (double) n;
            mean[1] += row[1] / (double) n;
        }
        for (float[] row : rows) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    cov[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / n;
                }
            }
        }
        double v0 = cov[0][0] + sigma2;
        double v1 = cov[1][1] + sigma2;
        double tc = -0.5 * Math.log(1 - cov[0][1] * cov[0][1] / (v0 * v1));
        double mi = 0.5 * Math.log((v0 * v1 - cov[0][1] * cov[0][1]) / (sigma2 * sigma2));
        double dwkl = gaussianKlToStandard(mean[0], v0) + gaussianKlToStandard(mean[1], v1);

        KlDecompositionResult r = new KlDecomposition(IDENTITY, new StandardNormal(2), 500, 4000, 2)
                .decompose(new Rows(rows), done -> { });
        // Monte-Carlo error (4 standard errors) plus 0.02 for the gap between the mixture of 4000 posteriors and
        // the Gaussian with its covariance.
        assertThat(r.tc().nats()).isCloseTo(tc, within(4 * r.tc().standardError() + 0.02));
        assertThat(r.mi().nats()).isCloseTo(mi, within(4 * r.mi().standardError() + 0.02));
        assertThat(r.dwkl().nats()).isCloseTo(dwkl, within(4 * r.dwkl().standardError() + 0.02));
        assertThat(tc).isCloseTo(-0.5 * Math.log(1 - Math.pow(0.6 / 1.25, 2)), within(0.03));
    }

    @Test
    void identicalPosteriorsShareNoInformationAndNoCorrelation() {
        // q(z) is then q(z|x) itself: mi = tc = 0 exactly, and the whole KL is dimension-wise.
        float[][] rows = new float[200][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {0.7f, -1.1f, 0.2f, -0.5f, 0.3f, -2f};
        }
        KlDecompositionResult r = new KlDecomposition(IDENTITY, new StandardNormal(3), 64, 500, 3)
                .decompose(new Rows(rows), done -> { });
        assertThat(r.mi().nats()).isCloseTo(0, within(1e-4));
        assertThat(r.tc().nats()).isCloseTo(0, within(1e-4));
        assertThat(r.dwkl().nats()).isCloseTo(r.averageKl(), within(4 * r.dwkl().standardError()));
    }

    @Test
    void chunkSizeDoesNotChangeTheAnswer() {
        Random rng = new Random(24);
        float[][] rows = new float[300][4];
        for (float[] row : rows) {
            row[0] = (float) rng.nextGaussian();
            row[1] = (float) (row[0] + 0.3 * rng.nextGaussian());
            row[2] = (float) (-3 * rng.nextDouble());
            row[3] = (float) (-3 * rng.nextDouble());
        }
        // 100 elements per chunk leaves one posterior per chunk: 300 chunks joined by the running log-sum-exp.
        KlDecompositionResult tiny = new KlDecomposition(IDENTITY, new StandardNormal(2), 32, 700, 4, 100)
                .decompose(new Rows(rows), done -> { });
        KlDecompositionResult whole = new KlDecomposition(IDENTITY, new StandardNormal(2), 32, 700, 4)
                .decompose(new Rows(rows), done -> { });
        assertThat(tiny.mi().nats()).isCloseTo(whole.mi().nats(), within(1e-5));
        assertThat(tiny.tc().nats()).isCloseTo(whole.tc().nats(), within(1e-5));
        assertThat(tiny.dwkl().nats()).isCloseTo(whole.dwkl().nats(), within(1e-5));
    }

    @Test
    void progressRunsThroughEncodingAndTheSweepToItsTotal() {
        float[][] rows = new float[250][2];
        List<Long> seen = new ArrayList<>();
        Rows data = new Rows(rows);
        new KlDecomposition(IDENTITY, new StandardNormal(1), 100, 50, 5, 1000).decompose(data, seen::add);
        assertThat(seen).isSorted();
        assertThat(seen).contains(250L);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(KlDecomposition.progressTotal(data));
    }

    @Test
    void rejectsNonPositiveCounts() {
        StandardNormal prior = new StandardNormal(1);
        assertThatThrownBy(() -> new KlDecomposition(IDENTITY, prior, 10, 0, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--decompose-samples");
        assertThatThrownBy(() -> new KlDecomposition(IDENTITY, prior, 0, 10, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--batch");
    }

    private static double gaussianKlToStandard(double mean, double variance) {
        return 0.5 * (mean * mean + variance - 1 - Math.log(variance));
    }

    /** A dataset of fixed rows. */
    private record Rows(float[][] rows) implements Dataset {
        @Override
        public String name() {
            return "rows";
        }

        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public Shape shape() {
            return Shape.flat(rows[0].length);
        }

        @Override
        public ValueKind valueKind() {
            return ValueKind.REAL;
        }

        @Override
        public void fill(int[] indices, float[] out, SplittableRandom rng) {
            int dim = rows[0].length;
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(rows[indices[i]], 0, out, i * dim, dim);
            }
        }

        @Override
        public String provenance() {
            return "test rows";
        }
    }
}
