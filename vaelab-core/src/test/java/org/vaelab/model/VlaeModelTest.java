package org.vaelab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.dist.AutoregressiveFlowPrior;
import org.vaelab.dist.IafPosterior;
import org.vaelab.eval.EvalResult;
import org.vaelab.eval.Evaluator;
import org.vaelab.nn.Activation;
import org.vaelab.nn.Mlp;
import org.vaelab.nn.PixelCnn;
import org.vaelab.objective.BetaElbo;
import org.vaelab.tensor.Adam;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** VLAE-shaped models built from the new parts run through the unchanged VAE, objective and Evaluator. */
class VlaeModelTest {
    private static final Dataset.Shape IMAGE = new Dataset.Shape(1, 6, 6);
    private static final int LATENT = 3;
    private static final int BATCH = 10;

    @Test
    void iwaeWithOneSampleIsTheElboForGaussianPosteriorAndAfPrior() {
        checkIwaeOneIsElbo(false);
    }

    @Test
    void iwaeWithOneSampleIsTheElboForIafPosteriorAndAfPrior() {
        checkIwaeOneIsElbo(true);
    }

    @Test
    void evaluatorAndTrainingStepRunWithIafPosteriorAcrossChunks() {
        Engine.threads(1);
        Engine.seed(53);
        VariationalAutoencoder model = vlae(true);
        Dataset data = new RandomBinaryImages(40);
        Adam adam = new Adam(model.parameters(), 1e-3);
        try (Scope s = Scope.open()) {
            adam.zeroGrad();
            Tensor x = batch(data, 0, BATCH);
            Tensor loss = new BetaElbo(1).evaluate(model.forward(x), 0).total();
            loss.backward();
            adam.step();
            assertThat(loss.allFinite()).isTrue();
        }
        EvalResult elbo = new Evaluator(model, 20, 1).evaluate(data, "test", 40, 0, done -> { });
        // k = 120 with batches of 20 runs the IWAE in chunks of 25 samples: each chunk asks log q of its own draw.
        EvalResult iwae = new Evaluator(model, 20, 1).evaluate(data, "test", 40, 120, done -> { });
        assertThat(iwae.iwae().logLikelihood()).isGreaterThan(elbo.elbo());
        assertThat(iwae.iwae().logLikelihood()).isLessThan(0);
    }

    private static void checkIwaeOneIsElbo(boolean iaf) {
        Engine.threads(1);
        Engine.seed(iaf ? 51 : 52);
        VariationalAutoencoder model = vlae(iaf);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor x = batch(new RandomBinaryImages(BATCH), 0, BATCH);
            Engine.seed(7);
            double[] iwae = new Evaluator(model, BATCH, 0).iwaeBound(x, 1);
            Engine.seed(7);
            ForwardPass pass = model.forward(x);
            assertThat(pass.kl().analytic()).isFalse();
            float[] elbo = pass.logLikelihood().sub(pass.kl().total()).toFloats();
            for (int i = 0; i < BATCH; i++) {
                assertThat(iwae[i]).as("example %d", i).isCloseTo(elbo[i], within(1e-4));
            }
        }
    }

    /** Encoder MLP, PixelCNN decoder (receptive field 2) conditioned on z, 2-layer AF prior; optionally IAF. */
    private static VariationalAutoencoder vlae(boolean iaf) {
        ParameterSet parameters = new ParameterSet();
        Encoder encoder;
        if (iaf) {
            IafPosterior.Flow flow = new IafPosterior.Flow(parameters, "iaf", LATENT, 2, new int[] {16}, 4);
            Mlp network = new Mlp(parameters.child("encoder"), Activation.RELU, IMAGE.size(), 16,
                    flow.networkOutputs());
            encoder = x -> flow.fromNetworkOutput(network.forward(x));
        } else {
            encoder = new GaussianEncoder(new Mlp(parameters.child("encoder"), Activation.RELU, IMAGE.size(), 16,
                    2 * LATENT));
        }
        PixelCnnDecoder decoder = new PixelCnnDecoder(new PixelCnn(parameters, "decoder", IMAGE, 2, 8, LATENT));
        AutoregressiveFlowPrior prior = new AutoregressiveFlowPrior(parameters, "prior", LATENT, 2, new int[] {16},
                false);
        return new VariationalAutoencoder(encoder, decoder, prior, parameters, true);
    }

    private static Tensor batch(Dataset data, int start, int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = start + i;
        }
        float[] values = new float[n * data.dim()];
        data.fill(indices, values, new SplittableRandom(0));
        return Tensor.of(values, n, data.dim());
    }

    /** Fixed pseudo-random binary 6x6 images. */
    private record RandomBinaryImages(int size) implements Dataset {
        @Override
        public String name() {
            return "random-binary";
        }

        @Override
        public Shape shape() {
            return IMAGE;
        }

        @Override
        public ValueKind valueKind() {
            return ValueKind.BINARY;
        }

        @Override
        public void fill(int[] indices, float[] out, SplittableRandom rng) {
            for (int i = 0; i < indices.length; i++) {
                SplittableRandom example = new SplittableRandom(indices[i]);
                for (int j = 0; j < IMAGE.size(); j++) {
                    out[i * IMAGE.size() + j] = example.nextDouble() < 0.3 + 0.4 * (j % 6) / 5.0 ? 1 : 0;
                }
            }
        }

        @Override
        public String provenance() {
            return "test";
        }
    }
}
