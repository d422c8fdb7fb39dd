package org.vaelab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.TestConfigs;
import org.vaelab.data.Dataset;
import org.vaelab.data.DatasetCatalog;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.run.RunDirectory;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;
import org.vaelab.workflow.Training;

class EvaluatorTest {
    private static final Dataset TEST = DatasetCatalog.open("pinwheel", "test", null, "none");
    private static VariationalAutoencoder model;

    @BeforeAll
    static void trainASmallModel(@TempDir Path dir) {
        Engine.threads(1);
        Training training = Training.start(new RunDirectory(dir.resolve("run")),
                TestConfigs.mlp("vae", "gaussian", 2, 150), DatasetCatalog.open("pinwheel", "train", null, "none"));
        training.run(List.of());
        model = training.model();
    }

    @Test
    void iwaeWithOneSampleIsTheSingleSampleElboEstimate() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor x = batch(200);
            Engine.seed(42);
            double[] iwae = new Evaluator(model, 200, 0).iwaeBound(x, 1);
            Engine.seed(42);
            var q = model.encoder().encode(x);
            Tensor z = q.rsample(1);
            Tensor elbo = model.decoder().decode(z.reshape(200, -1)).logProb(x)
                    .add(model.prior().logProb(z).reshape(-1)).sub(q.logProb(z).reshape(-1));
            float[] expected = elbo.toFloats();
            for (int i = 0; i < expected.length; i++) {
                assertThat(iwae[i]).isCloseTo(expected[i], within(1e-4));
            }
        }
    }

    @Test
    void iwaeWithOneSampleAveragesToTheAnalyticElbo() {
        EvalResult elbo = new Evaluator(model, 100, 1).evaluate(TEST, "test", 1000, 0, done -> { });
        EvalResult iwae1 = new Evaluator(model, 100, 2).evaluate(TEST, "test", 1000, 1, done -> { });
        assertThat(iwae1.iwae().logLikelihood()).isCloseTo(elbo.elbo(), within(0.1));
    }

    @Test
    void iwaeBoundTightensAsKGrows() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int k : new int[] {1, 10, 100}) {
            double bound = new Evaluator(model, 100, 3).evaluate(TEST, "test", 500, k, done -> { })
                    .iwae().logLikelihood();
            assertThat(bound).as("k=%d", k).isGreaterThan(previous);
            previous = bound;
        }
    }

    @Test
    void chunkedIwaeMatchesOnePass() {
        // 1200 samples of 1 example run in chunks of 512; the running log-sum-exp must not change the answer much.
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor x = batch(1);
            Engine.seed(5);
            double chunked = new Evaluator(model, 1, 0).iwaeBound(x, 1200)[0];
            Engine.seed(6);
            double again = new Evaluator(model, 1, 0).iwaeBound(x, 1200)[0];
            assertThat(chunked).isCloseTo(again, within(0.05));
        }
    }

    private static Tensor batch(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        float[] buf = new float[n * TEST.dim()];
        TEST.fill(idx, buf, new java.util.SplittableRandom(0));
        return Tensor.of(buf, n, TEST.dim());
    }
}
