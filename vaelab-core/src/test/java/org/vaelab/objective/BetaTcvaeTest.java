package org.vaelab.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.KlRegistry;
import org.vaelab.dist.StandardNormal;
import org.vaelab.model.ForwardPass;
import org.vaelab.model.GaussianEncoder;
import org.vaelab.nn.Linear;
import org.vaelab.objective.BetaTcvae.Estimator;
import org.vaelab.objective.BetaTcvae.Terms;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * The minibatch estimators of beta-TCVAE on aggregates whose total correlation is known. Each "dataset" is N
 * Gaussian posteriors with a common standard deviation sigma and means drawn from a 2-d Gaussian with unit
 * variances and correlation rho; for small sigma its aggregate q(z) is close to N(0, [[1 + s2, rho], [rho, 1 + s2]])
 * (s2 = sigma^2), whose TC is -0.5 log(1 - (rho / (1 + s2))^2): 0 for rho = 0, 0.4936 for rho = 0.8 and sigma = 0.1
 * (the sigma -> 0 limit -0.5 log(1 - rho^2) is 0.5108).
 */
class BetaTcvaeTest {
    private static final int N = 4096;
    private static final int BATCH = 1024;
    private static final int BATCHES = 4;

    @BeforeAll
    static void oneThread() {
        Engine.threads(1);
    }

    @Test
    void mssFindsNoTotalCorrelationInAFactorisedAggregate() {
        double tc = meanTc(Estimator.MSS, 0.0, 0.1, 1);
        // The estimator is the log of a B-term sum, so Jensen biases it down by about half its relative variance:
        // measured about -0.02 at B = 1024 (-0.2 at B = 256); batch-to-batch noise is about 0.01.
        assertThat(tc).isCloseTo(0, within(0.05));
    }

    @Test
    void mssRecoversTheTotalCorrelationOfACorrelatedAggregate() {
        double rho = empiricalCorrelation(0.8, 2);
        double closedForm = -0.5 * Math.log(1 - Math.pow(rho / (1 + 0.01), 2));
        double tc = meanTc(Estimator.MSS, 0.8, 0.1, 2);
        assertThat(closedForm).isCloseTo(0.49, within(0.02));
        // Same downward Jensen bias as above, plus the gap between the mixture of N posteriors and the Gaussian
        // whose closed form this is (about 0.01): tolerance 0.05 on 0.49.
        assertThat(tc).isCloseTo(closedForm, within(0.05));
    }

    @Test
    void mwsMatchesMssUpToItsLogNOffsetForLargeBatches() {
        // MWS weighs every posterior 1/(N B): where the batch resolves the aggregate (sigma = 0.3 here; a sample's
        // own posterior is then about 1% of the sum), each of log q(z), log q(z_1), log q(z_2) is log N low, so
        // tc is (d - 1) log N = log N high. Both estimators see the same batches and samples.
        for (double rho : new double[] {0.0, 0.8}) {
            double mss = meanTc(Estimator.MSS, rho, 0.3, 3);
            double mws = meanTc(Estimator.MWS, rho, 0.3, 3);
            assertThat(mws - Math.log(N)).as("rho %s", rho).isCloseTo(mss, within(0.05));
        }
    }

    @Test
    void mssWeightMatrixIsTheStratifiedOneOfTheAppendix() {
        int b = 5;
        long n = 100;
        int m = b - 1;
        try (Scope s = Scope.open()) {
            float[][] w = Estimator.MSS.logWeights(b, n).exp().toMatrix();
            for (int i = 0; i < b; i++) {
                double rowSum = 0;
                for (int j = 0; j < b; j++) {
                    double expected = j == i ? 1.0 / n : j == (i + 1) % b ? (double) (n - m) / (n * m) : 1.0 / m;
                    assertThat((double) w[i][j]).as("w[%d][%d]", i, j).isCloseTo(expected, within(1e-6));
                    rowSum += w[i][j];
                }
                assertThat(rowSum).isCloseTo(1, within(1e-6));
            }
            float[] mws = Estimator.MWS.logWeights(b, n).toFloats();
            for (float v : mws) {
                assertThat((double) v).isCloseTo(-Math.log(n * b), within(1e-5));
            }
            assertThat(Estimator.MSS.logWeights(1, n).item()).isCloseTo(-Math.log(n), within(1e-5));
        }
    }

    @Test
    void termsAddUpToTheSingleSampleKlExactlyAndUnitWeightsGiveTheNegativeElbo() {
        for (Estimator estimator : Estimator.values()) {
            try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
                Engine.seed(11);
                ForwardPass pass = passOf(aggregate(0.5, 0.4, 256, 3, 3), 256);
                Tensor singleSampleKl = pass.posterior().logProb(pass.z()).sub(pass.prior().logProb(pass.z()));
                Terms terms = new BetaTcvae(1, 1, 1, estimator, 256).decompose(
                        (DiagonalGaussian) pass.posterior(), pass.z(), pass.prior());
                float[] sum = terms.mi().add(terms.tc()).add(terms.dwkl()).toFloats();
                float[] expected = singleSampleKl.toFloats();
                for (int i = 0; i < sum.length; i++) {
                    assertThat(sum[i]).as("%s example %d", estimator, i).isCloseTo(expected[i], within(1e-4f));
                }
                Loss loss = new BetaTcvae(1, 1, 1, estimator, 256).evaluate(pass, 0);
                double negativeElbo = pass.logLikelihood().neg().add(singleSampleKl).mean().item();
                assertThat(loss.total().item()).isCloseTo(negativeElbo, within(1e-4));
                // In expectation the single-sample KL is the closed form the other objectives use.
                assertThat(singleSampleKl.mean().item()).isCloseTo(loss.terms().get("kl").item(), within(0.25));
            }
        }
    }

    @Test
    void lossWeighsEachTermAndLogsThemAll() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(12);
            ForwardPass pass = passOf(aggregate(0.9, 0.3, 512, 4, 4), 128);
            Loss loss = new BetaTcvae(0.5, 6, 2, Estimator.MSS, 512).evaluate(pass, 0);
            assertThat(loss.terms()).containsOnlyKeys("recon", "kl", "mi", "tc", "dwkl");
            double recon = loss.terms().get("recon").item();
            double mi = loss.terms().get("mi").item();
            double tc = loss.terms().get("tc").item();
            double dwkl = loss.terms().get("dwkl").item();
            assertThat(recon).isCloseTo(-pass.logLikelihood().mean().item(), within(1e-4));
            assertThat(tc).isPositive();
            assertThat(loss.total().item()).isCloseTo(recon + 0.5 * mi + 6 * tc + 2 * dwkl, within(1e-3));
            Loss reconOnly = new BetaTcvae(0, 0, 0, Estimator.MWS, 512).evaluate(pass, 0);
            assertThat(reconOnly.total().item()).isCloseTo(recon, within(1e-5));
        }
    }

    @Test
    void totalCorrelationAloneSendsGradientsToTheEncoder() {
        ParameterSet parameters = new ParameterSet();
        Linear layer = new Linear(parameters, "encoder", 3, 4);
        GaussianEncoder encoder = new GaussianEncoder(layer);
        try (Scope s = Scope.open()) {
            Engine.seed(13);
            Tensor x = Tensor.randn(64, 3);
            DiagonalGaussian q = encoder.encode(x);
            Tensor z = q.rsample();
            // A likelihood that ignores z: only the tc term (alpha = gamma = 0) can reach the encoder.
            DiagonalGaussian likelihood = new DiagonalGaussian(Tensor.zeros(64, 3), Tensor.zeros(64, 3));
            StandardNormal prior = new StandardNormal(2);
            ForwardPass pass = new ForwardPass(x, q, z, likelihood, likelihood.logProb(x), prior,
                    KlRegistry.divergence(q, prior, z));
            new BetaTcvae(0, 1, 0, Estimator.MSS, 1000).evaluate(pass, 0).total().backward();
            for (Tensor p : parameters.all()) {
                Tensor grad = p.grad();
                assertThat(grad).isNotNull();
                assertThat(grad.allFinite()).isTrue();
                assertThat(grad.abs().sum().item()).isGreaterThan(0);
            }
        }
    }

    @Test
    void rejectsNegativeWeightsAndBatchesLargerThanTheDataset() {
        assertThatThrownBy(() -> new BetaTcvae(-1, 1, 1, Estimator.MSS, 10))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--alpha");
        assertThatThrownBy(() -> new BetaTcvae(1, Double.NaN, 1, Estimator.MSS, 10))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--beta");
        assertThatThrownBy(() -> new BetaTcvae(1, 1, Double.POSITIVE_INFINITY, Estimator.MSS, 10))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--gamma");
        assertThatThrownBy(() -> Estimator.parse("iwae"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--estimator");
        assertThat(Estimator.parse("MSS")).isEqualTo(Estimator.MSS);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            ForwardPass pass = passOf(aggregate(0, 1, 20, 2, 5), 20);
            assertThatThrownBy(() -> new BetaTcvae(1, 1, 1, Estimator.MSS, 10).evaluate(pass, 0))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("--batch 20");
        }
    }

    /** Mean tc over {@link #BATCHES} batches of the aggregate (rho, sigma); seeded: estimators see the same ones. */
    private static double meanTc(Estimator estimator, double rho, double sigma, long seed) {
        float[][] posteriors = aggregate(rho, sigma, N, 2, seed);
        Random rng = new Random(seed);
        BetaTcvae objective = new BetaTcvae(1, 1, 1, estimator, N);
        double sum = 0;
        for (int b = 0; b < BATCHES; b++) {
            try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
                Engine.seed(seed * 100 + b);
                ForwardPass pass = passOf(batchOf(posteriors, rng), BATCH);
                Terms terms = objective.decompose((DiagonalGaussian) pass.posterior(), pass.z(), pass.prior());
                sum += terms.tc().mean().item();
            }
        }
        return sum / BATCHES;
    }

    /** BATCH distinct posteriors of the dataset, in random order. */
    private static float[][] batchOf(float[][] posteriors, Random rng) {
        int n = posteriors[0].length / 2;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int d = posteriors.length;
        float[][] batch = new float[d][2 * BATCH];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < BATCH; i++) {
                batch[k][i] = posteriors[k][order[i]];
                batch[k][BATCH + i] = posteriors[k][n + order[i]];
            }
        }
        return batch;
    }

    /**
     * Posteriors of {@code n} examples in {@code dims} dimensions: per dimension k, row k holds n means then n
     * log-variances (2 log sigma). Dimensions 0 and 1 have correlation rho; the others are independent.
     */
    private static float[][] aggregate(double rho, double sigma, int n, int dims, long seed) {
        Random rng = new Random(seed);
        float[][] out = new float[dims][2 * n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextGaussian();
            double v = rng.nextGaussian();
            for (int k = 0; k < dims; k++) {
                double mean = k == 0 ? u : k == 1 ? rho * u + Math.sqrt(1 - rho * rho) * v : rng.nextGaussian();
                out[k][i] = (float) mean;
                out[k][n + i] = (float) (2 * Math.log(sigma));
            }
        }
        return out;
    }

    /** The sample correlation of the first two dimensions' means, which the closed form should use. */
    private static double empiricalCorrelation(double rho, long seed) {
        float[][] p = aggregate(rho, 0.1, N, 2, seed);
        double mx = 0, my = 0;
        for (int i = 0; i < N; i++) {
            mx += p[0][i] / (double) N;
            my += p[1][i] / (double) N;
        }
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < N; i++) {
            sxy += (p[0][i] - mx) * (p[1][i] - my);
            sxx += (p[0][i] - mx) * (p[0][i] - mx);
            syy += (p[1][i] - my) * (p[1][i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** A forward pass over the first {@code batch} posteriors, with z drawn from them and a Gaussian likelihood. */
    private static ForwardPass passOf(float[][] posteriors, int batch) {
        int d = posteriors.length;
        int n = posteriors[0].length / 2;
        float[] means = new float[batch * d];
        float[] logVars = new float[batch * d];
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < d; k++) {
                means[i * d + k] = posteriors[k][i];
                logVars[i * d + k] = posteriors[k][n + i];
            }
        }
        DiagonalGaussian q = new DiagonalGaussian(Tensor.of(means, batch, d), Tensor.of(logVars, batch, d));
        Tensor z = q.rsample();
        StandardNormal prior = new StandardNormal(d);
        Tensor x = Tensor.randn(batch, 3);
        DiagonalGaussian likelihood = new DiagonalGaussian(z.narrow(1, 0, 1).expand(batch, 3), Tensor.zeros(batch, 3));
        return new ForwardPass(x, q, z, likelihood, likelihood.logProb(x), prior, KlRegistry.divergence(q, prior, z));
    }
}
