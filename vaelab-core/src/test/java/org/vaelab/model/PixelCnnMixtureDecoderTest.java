package org.vaelab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.TestConfigs;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.dist.AutoregressiveLogisticMixture;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.DiscretisedLogisticMixture;
import org.vaelab.dist.StandardNormal;
import org.vaelab.eval.Evaluator;
import org.vaelab.nn.PixelCnn;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.Adam;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** The autoregressive logistic mixture: causal one-pass log-probabilities and an exact pixel-by-pixel sampler. */
class PixelCnnMixtureDecoderTest {
    private static final int LEVELS = 256;
    private static final float[] CODE = {0.7f, -1.3f};

    @Test
    void thePerPixelLogProbDoesNotDependOnLaterPixels() {
        Engine.threads(1);
        Engine.seed(51);
        Shape shape = new Shape(1, 4, 4);
        PixelCnnMixtureDecoder decoder = new PixelCnnMixtureDecoder(
                new PixelCnn(new ParameterSet(), "pixelcnn", shape, 2, 6, 2, 9), 3);
        int n = 5;
        int d = shape.size();
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            AutoregressiveLogisticMixture p = decoder.decode(Tensor.randn(n, 2));
            float[] x = randomLevels(new SplittableRandom(1), n * d);
            float[] base = p.logProbPerPixel(Tensor.of(x, n, d)).toFloats();
            boolean laterTermsMoved = false;
            for (int changed = 0; changed < d; changed++) {
                // Redraw pixel `changed` and everything after it.
                float[] y = x.clone();
                SplittableRandom random = new SplittableRandom(100 + changed);
                for (int b = 0; b < n; b++) {
                    for (int i = changed; i < d; i++) {
                        y[b * d + i] = random.nextInt(LEVELS) / 255f;
                    }
                }
                float[] moved = p.logProbPerPixel(Tensor.of(y, n, d)).toFloats();
                for (int b = 0; b < n; b++) {
                    for (int i = 0; i < changed; i++) {
                        assertThat(moved[b * d + i]).as("pixel %d after changing pixels from %d on", i, changed)
                                .isCloseTo(base[b * d + i], within(1e-5f));
                    }
                    for (int i = changed + 1; i < d; i++) {
                        laterTermsMoved |= Math.abs(moved[b * d + i] - base[b * d + i]) > 1e-3;
                    }
                }
            }
            assertThat(laterTermsMoved).as("later pixels' terms read the changed ones").isTrue();
            assertThat(p.logProb(Tensor.of(x, n, d)).toFloats()[0]).isCloseTo(sum(base, 0, d), within(1e-3f));
        }
    }

    @Test
    void theParametersOfOnePixelEqualTheFullPass() {
        Engine.seed(52);
        Shape shape = new Shape(1, 5, 5);
        PixelCnn net = new PixelCnn(new ParameterSet(), "pixelcnn", shape, 2, 5, 2, 6);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor x = Tensor.of(randomLevels(new SplittableRandom(2), 3 * 25), 3, 25);
            PixelCnn.Conditioning c = net.condition(Tensor.randn(3, 2));
            Tensor full = net.outputs(x, c);
            assertThat(full.shape()).containsExactly(3, 6, 25);
            for (int i = 0; i < 25; i++) {
                float[] one = net.outputsAt(x, c, i).toFloats();
                float[] expected = full.narrow(2, i, 1).toFloats();
                for (int j = 0; j < one.length; j++) {
                    assertThat(one[j]).as("pixel %d output %d", i, j).isCloseTo(expected[j], within(1e-5f));
                }
            }
        }
    }

    /**
     * 2x2 grey images whose first pixel is dark or bright and whose other pixels copy it up to a little noise: a
     * briefly trained model depends strongly on the first pixel, which a sampler reading the wrong pixels would
     * break. Each sampled pixel's randomised probability integral transform under the model's own conditional
     * p(x_i | x_<i) (computed in one pass from the sample) must be uniform.
     */
    @Test
    void samplesOfABrieflyTrainedTwoByTwoModelFollowItsConditionals() {
        Engine.threads(1);
        Engine.seed(53);
        ParameterSet parameters = new ParameterSet();
        PixelCnnMixtureDecoder decoder = new PixelCnnMixtureDecoder(
                new PixelCnn(parameters, "pixelcnn", new Shape(1, 2, 2), 1, 8, 2, 6), 2);
        train(decoder, parameters);
        int n = 20_000;
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            AutoregressiveLogisticMixture model = decoder.decode(codes(n));
            Tensor samples = model.sample();
            float[] x = samples.toFloats();
            DiscretisedLogisticMixture conditionals = model.conditionals(samples);
            float[][] probability = new float[LEVELS][];
            for (int level = 0; level < LEVELS; level++) {
                try (Scope one = Scope.open()) {
                    probability[level] = conditionals.logProbPerValue(Tensor.full(level / 255.0, n, 4)).exp()
                            .toFloats();
                }
            }
            SplittableRandom random = new SplittableRandom(3);
            int bins = 20;
            double lastDarkMean = 0;
            double lastBrightMean = 0;
            int dark = 0;
            for (int pixel = 0; pixel < 4; pixel++) {
                int[] counts = new int[bins];
                for (int b = 0; b < n; b++) {
                    int drawn = Math.round(x[b * 4 + pixel] * 255);
                    double below = 0;
                    for (int level = 0; level < drawn; level++) {
                        below += probability[level][b * 4 + pixel];
                    }
                    double u = below + random.nextDouble() * probability[drawn][b * 4 + pixel];
                    counts[Math.min(bins - 1, (int) (u * bins))]++;
                }
                double chiSquare = 0;
                for (int count : counts) {
                    double expected = (double) n / bins;
                    chiSquare += (count - expected) * (count - expected) / expected;
                }
                assertThat(chiSquare).as("pixel %d: chi-square of its PIT values, %d bins", pixel, bins)
                        .isLessThan(bins - 1 + 6 * Math.sqrt(2.0 * (bins - 1)));
            }
            for (int b = 0; b < n; b++) {
                if (x[b * 4] < 0.5) {
                    dark++;
                    lastDarkMean += x[b * 4 + 3];
                } else {
                    lastBrightMean += x[b * 4 + 3];
                }
            }
            // The model did learn the dependence: the last pixel follows the first.
            assertThat((double) dark / n).isBetween(0.3, 0.7);
            assertThat(lastDarkMean / dark).isLessThan(0.4);
            assertThat(lastBrightMean / (n - dark)).isGreaterThan(0.6);
        }
    }

    /** The unconditional 8-bit PixelCNN through the VAE machinery: ELBO and IWAE are its exact log-likelihood. */
    @Test
    void unconditionalMixturePixelCnnBoundsAreItsLikelihood() {
        Engine.threads(1);
        Engine.seed(54);
        ParameterSet parameters = new ParameterSet();
        PixelCnnMixtureDecoder decoder = new PixelCnnMixtureDecoder(
                new PixelCnn(parameters, "pixelcnn", new Shape(1, 5, 5), 2, 6, 0, 6), 2);
        Encoder uninformative = x -> new DiagonalGaussian(Tensor.zeros(x.size(0), 1), Tensor.zeros(x.size(0), 1));
        VariationalAutoencoder model = new VariationalAutoencoder(uninformative, decoder, new StandardNormal(1),
                parameters, true);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor x = Tensor.of(randomLevels(new SplittableRandom(4), 6 * 25), 6, 25);
            float[] exact = decoder.decode(Tensor.zeros(6, 0)).logProb(x).toFloats();
            ForwardPass pass = model.forward(x);
            float[] elbo = pass.logLikelihood().sub(pass.kl().total()).toFloats();
            double[] iwae = new Evaluator(model, 6, 0).iwaeBound(x, 5);
            for (int i = 0; i < 6; i++) {
                assertThat(exact[i]).isNegative();
                assertThat(elbo[i]).isCloseTo(exact[i], within(1e-4f));
                assertThat(iwae[i]).isCloseTo(exact[i], within(1e-3));
            }
            Tensor mean = decoder.decode(Tensor.zeros(3, 0)).mean();
            assertThat(mean.shape()).containsExactly(3, 25);
            for (float v : mean.toFloats()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void theFactoryBuildsTheMixtureDecoderForEightBitGreyLevelsOnly() {
        Shape grey = new Shape(1, 28, 28);
        TrainConfig vlae = TestConfigs.mlp("vlae", "logistic-mixture", 2, 1).with(Map.of("dataset", "fashion-mnist",
                "binarize", "none", "mixtures", 3, "receptiveField", 1, "pixelcnnChannels", 2, "hidden",
                java.util.List.of(8)));
        VariationalAutoencoder model = ModelFactory.build(vlae, grey);
        assertThat(model.decoder()).isInstanceOfSatisfying(PixelCnnMixtureDecoder.class, d -> {
            assertThat(d.components()).isEqualTo(3);
            assertThat(d.network().outputsPerPixel()).isEqualTo(9);
        });
        assertThat(ModelFactory.build(vlae.with("likelihood", "bernoulli"), grey).decoder())
                .isInstanceOf(PixelCnnDecoder.class);
        assertThatThrownBy(() -> AutoregressiveModels.checkData(vlae.with("binarize", "dynamic"), grey))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--likelihood bernoulli");
        assertThatThrownBy(() -> AutoregressiveModels.checkData(vlae.with("dataset", "cifar10"), new Shape(3, 32, 32)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("3 channels");
        assertThatThrownBy(() -> AutoregressiveModels.checkData(vlae.with("likelihood", "logistic"), grey))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--likelihood");
        assertThatThrownBy(() -> AutoregressiveModels.checkData(vlae.with("dataset", "pinwheel"), Shape.flat(2)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("no images");
    }

    private static void train(PixelCnnMixtureDecoder decoder, ParameterSet parameters) {
        Adam adam = new Adam(parameters, 0.02);
        SplittableRandom random = new SplittableRandom(5);
        int batch = 256;
        float[] images = new float[batch * 4];
        for (int step = 0; step < 200; step++) {
            for (int b = 0; b < batch; b++) {
                double first = (random.nextBoolean() ? 0.2 : 0.8) + 0.04 * random.nextGaussian();
                for (int pixel = 0; pixel < 4; pixel++) {
                    double v = pixel == 0 ? first : first + 0.02 * random.nextGaussian();
                    images[b * 4 + pixel] = Math.round(255 * Math.min(1, Math.max(0, v))) / 255f;
                }
            }
            try (Scope s = Scope.open()) {
                adam.zeroGrad();
                Tensor loss = decoder.decode(codes(batch)).logProb(Tensor.of(images, batch, 4)).mean().neg();
                loss.backward();
                adam.step();
            }
        }
    }

    private static Tensor codes(int count) {
        return Tensor.of(CODE, 1, 2).expand(count, 2);
    }

    private static float[] randomLevels(SplittableRandom random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextInt(LEVELS) / 255f;
        }
        return values;
    }

    private static float sum(float[] values, int from, int to) {
        float total = 0;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }
}
