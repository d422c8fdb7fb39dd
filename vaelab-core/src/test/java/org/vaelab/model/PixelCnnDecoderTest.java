package org.vaelab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.dist.AutoregressiveBernoulli;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.StandardNormal;
import org.vaelab.eval.Evaluator;
import org.vaelab.nn.PixelCnn;
import org.vaelab.tensor.Adam;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** Pixel-by-pixel sampling draws from the same joint that the one-pass logProb defines. */
class PixelCnnDecoderTest {
    /** A lopsided target over the 16 binary 2x2 images, indexed by the pixels as bits (pixel 0 most significant). */
    private static final double[] TARGET = {
        0.20, 0.02, 0.03, 0.10, 0.01, 0.04, 0.05, 0.02, 0.03, 0.01, 0.15, 0.04, 0.06, 0.02, 0.02, 0.20};
    private static final float[] CODE = {0.7f, -1.3f};

    @Test
    void samplesOfABrieflyTrainedTwoByTwoModelFollowItsLogProb() {
        Engine.threads(1);
        Engine.seed(41);
        ParameterSet parameters = new ParameterSet();
        PixelCnnDecoder decoder = new PixelCnnDecoder(
                new PixelCnn(parameters, "pixelcnn", new Shape(1, 2, 2), 1, 8, 2));
        train(decoder, parameters, 4, PixelCnnDecoderTest::fromTarget);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            double[] model = jointOfAllImages(decoder, 2, 2);
            double total = 0;
            double crossEntropy = 0;
            double entropy = 0;
            for (int c = 0; c < 16; c++) {
                total += model[c];
                crossEntropy -= TARGET[c] * Math.log(model[c]);
                entropy -= TARGET[c] * Math.log(TARGET[c]);
            }
            assertThat(total).as("probabilities of all 16 images").isCloseTo(1.0, within(1e-5));
            assertThat(crossEntropy - entropy).as("KL(target || model) after training").isLessThan(0.05);
            assertSamplesMatch(decoder, 2, model, 40_000);
        }
    }

    /**
     * 3x3 images where each pixel copies its left neighbour (the one above in the first column) with probability
     * 0.85: strong dependencies that a sampler reading the wrong pixels would break. With receptive field 1 the
     * last row's window is cropped away from the first row, exercising the cropped single-pixel pass.
     */
    @Test
    void samplesOfAThreeByThreeModelWithACroppedWindowFollowItsLogProb() {
        Engine.threads(1);
        Engine.seed(42);
        ParameterSet parameters = new ParameterSet();
        PixelCnnDecoder decoder = new PixelCnnDecoder(
                new PixelCnn(parameters, "pixelcnn", new Shape(1, 3, 3), 1, 8, 2));
        train(decoder, parameters, 9, PixelCnnDecoderTest::copyNeighbour);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            double[] model = jointOfAllImages(decoder, 3, 2);
            double total = 0;
            for (double p : model) {
                total += p;
            }
            assertThat(total).as("probabilities of all 512 images").isCloseTo(1.0, within(1e-4));
            assertSamplesMatch(decoder, 3, model, 100_000);
        }
    }

    @Test
    void meanIsPerPixelProbabilitiesAlongASample() {
        Engine.seed(43);
        PixelCnnDecoder decoder = new PixelCnnDecoder(
                new PixelCnn(new ParameterSet(), "pixelcnn", new Shape(1, 4, 4), 2, 4, 2));
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor mean = decoder.decode(Tensor.randn(5, 2)).mean();
            assertThat(mean.shape()).containsExactly(5, 16);
            for (float p : mean.toFloats()) {
                assertThat(p).isBetween(0f, 1f);
            }
        }
    }

    /**
     * The unconditional baseline through the VAE machinery: an encoder returning q = N(0, 1) = p(z) for every x and
     * a decoder that ignores z make the KL exactly 0 and every IWAE weight exactly p(x), so ELBO = IWAE = log p(x).
     */
    @Test
    void unconditionalPixelCnnRunsAsAVaeWithAnUninformativeCode() {
        Engine.threads(1);
        Engine.seed(44);
        ParameterSet parameters = new ParameterSet();
        PixelCnnDecoder decoder = new PixelCnnDecoder(
                new PixelCnn(parameters, "pixelcnn", new Shape(1, 5, 5), 2, 6, 0));
        Encoder uninformative = x -> new DiagonalGaussian(Tensor.zeros(x.size(0), 1), Tensor.zeros(x.size(0), 1));
        VariationalAutoencoder model = new VariationalAutoencoder(uninformative, decoder, new StandardNormal(1),
                parameters, true);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor x = Tensor.rand(6, 25).lessThan(0.4).toFloat();
            float[] exact = decoder.decode(Tensor.zeros(6, 0)).logProb(x).toFloats();
            ForwardPass pass = model.forward(x);
            float[] elbo = pass.logLikelihood().sub(pass.kl().total()).toFloats();
            double[] iwae = new Evaluator(model, 6, 0).iwaeBound(x, 5);
            for (int i = 0; i < 6; i++) {
                assertThat(elbo[i]).isCloseTo(exact[i], within(1e-5f));
                assertThat(iwae[i]).isCloseTo(exact[i], within(1e-4));
            }
        }
    }

    /** Writes one training image into {@code out} at {@code offset}. */
    private interface ImageSource {
        void draw(SplittableRandom random, float[] out, int offset);
    }

    private static void train(PixelCnnDecoder decoder, ParameterSet parameters, int pixels, ImageSource source) {
        Adam adam = new Adam(parameters, 0.02);
        SplittableRandom random = new SplittableRandom(5);
        int batch = 256;
        float[] images = new float[batch * pixels];
        for (int step = 0; step < 150; step++) {
            for (int b = 0; b < batch; b++) {
                source.draw(random, images, b * pixels);
            }
            try (Scope s = Scope.open()) {
                adam.zeroGrad();
                Tensor loss = decoder.decode(codes(batch)).logProb(Tensor.of(images, batch, pixels)).mean().neg();
                loss.backward();
                adam.step();
            }
        }
    }

    private static void fromTarget(SplittableRandom random, float[] out, int offset) {
        double u = random.nextDouble();
        double cumulative = 0;
        int c = TARGET.length - 1;
        for (int k = 0; k < TARGET.length; k++) {
            cumulative += TARGET[k];
            if (u < cumulative) {
                c = k;
                break;
            }
        }
        for (int pixel = 0; pixel < 4; pixel++) {
            out[offset + pixel] = (c >> (3 - pixel)) & 1;
        }
    }

    private static void copyNeighbour(SplittableRandom random, float[] out, int offset) {
        for (int pixel = 0; pixel < 9; pixel++) {
            float neighbour = pixel == 0 ? (random.nextBoolean() ? 1 : 0)
                    : out[offset + (pixel % 3 == 0 ? pixel - 3 : pixel - 1)];
            out[offset + pixel] = pixel == 0 || random.nextDouble() < 0.85 ? neighbour : 1 - neighbour;
        }
    }

    private static Tensor codes(int count) {
        return Tensor.of(CODE, 1, 2).expand(count, 2);
    }

    /** exp(logProb) of every binary image of the given side, indexed by pixels as bits. */
    private static double[] jointOfAllImages(PixelCnnDecoder decoder, int side, int latent) {
        int pixels = side * side;
        int count = 1 << pixels;
        float[] all = new float[count * pixels];
        for (int c = 0; c < count; c++) {
            for (int pixel = 0; pixel < pixels; pixel++) {
                all[c * pixels + pixel] = (c >> (pixels - 1 - pixel)) & 1;
            }
        }
        float[] logP = decoder.decode(codes(count)).logProb(Tensor.of(all, count, pixels)).toFloats();
        double[] p = new double[count];
        for (int c = 0; c < count; c++) {
            p[c] = Math.exp(logP[c]);
        }
        return p;
    }

    /** Every image's sample count lies within 5 binomial standard deviations of N p. */
    private static void assertSamplesMatch(PixelCnnDecoder decoder, int side, double[] model, int n) {
        int pixels = side * side;
        AutoregressiveBernoulli distribution = decoder.decode(codes(n));
        float[] samples = distribution.sample().toFloats();
        int[] counts = new int[model.length];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int pixel = 0; pixel < pixels; pixel++) {
                c = (c << 1) | (samples[i * pixels + pixel] > 0.5f ? 1 : 0);
            }
            counts[c]++;
        }
        double chiSquare = 0;
        for (int c = 0; c < model.length; c++) {
            double expected = n * model[c];
            double sd = Math.sqrt(expected * (1 - model[c]));
            assertThat((double) counts[c]).as("image %d", c).isCloseTo(expected, within(5 * sd + 3));
            chiSquare += (counts[c] - expected) * (counts[c] - expected) / expected;
        }
        int df = model.length - 1;
        assertThat(chiSquare).as("chi-square with %d degrees of freedom", df).isLessThan(df + 6 * Math.sqrt(2.0 * df));
    }
}
