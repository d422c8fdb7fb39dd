package org.vaelab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.OneHotLabelled;
import java.util.Optional;
import org.vaelab.data.ValueKind;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.KlRegistry;
import org.vaelab.dist.StandardNormal;
import org.vaelab.eval.Evaluator;
import org.vaelab.nn.Activation;
import org.vaelab.nn.Mlp;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** The label rides in the data ([x, y]) and the code ([z, y]); the VAE, KL and IWAE run unchanged. */
class ConditionalVaeTest {
    private static final int LATENT = 2;

    @Test
    void labelledViewAppendsTheOneHotLabel() {
        Dataset source = new LabelledPoints(100, 3);
        OneHotLabelled data = new OneHotLabelled(source);
        int k = data.classes();
        assertThat(data.dim()).isEqualTo(source.dim() + k);
        int[] indices = {0, 1, 2, 3, 4};
        float[] plain = new float[indices.length * source.dim()];
        float[] labelled = new float[indices.length * data.dim()];
        source.fill(indices, plain, new SplittableRandom(0));
        data.fill(indices, labelled, new SplittableRandom(0));
        for (int i = 0; i < indices.length; i++) {
            for (int j = 0; j < source.dim(); j++) {
                assertThat(labelled[i * data.dim() + j]).isEqualTo(plain[i * source.dim() + j]);
            }
            int label = source.labels().orElseThrow().label(indices[i]);
            for (int c = 0; c < k; c++) {
                assertThat(labelled[i * data.dim() + source.dim() + c]).isEqualTo(c == label ? 1f : 0f);
            }
        }
    }

    @Test
    void klIsTheGaussianClosedFormWithZeroLabelColumnsAndIwaeOneIsTheElbo() {
        Engine.threads(1);
        Engine.seed(61);
        Dataset data = new OneHotLabelled(new LabelledPoints(100, 3));
        int k = ((OneHotLabelled) data).classes();
        VariationalAutoencoder model = cvae(2, k);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor x = batch(data, 16);
            Engine.seed(3);
            ForwardPass pass = model.forward(x);
            assertThat(pass.kl().analytic()).isTrue();
            assertThat(pass.kl().perDimension().shape()).containsExactly(16, LATENT + k);
            DiagonalGaussian latent = ((ConditionalEncoder.LabelledPosterior) pass.posterior()).latent();
            float[] expected = KlRegistry.divergence(latent, new StandardNormal(LATENT), null).total().toFloats();
            assertThat(pass.kl().total().toFloats()).containsExactly(expected, within(1e-6f));
            assertThat(pass.kl().perDimension().narrow(1, LATENT, k).abs().sum().item()).isZero();
            // The code carries the example's label into the decoder.
            assertThat(pass.z().narrow(1, LATENT, k).toFloats()).containsExactly(x.narrow(1, 2, k).toFloats());

            Engine.seed(4);
            double[] iwae = new Evaluator(model, 16, 0).iwaeBound(x, 1);
            Engine.seed(4);
            ForwardPass again = model.forward(x);
            Tensor z = again.z();
            float[] elbo = again.logLikelihood().add(model.prior().logProb(z)).sub(again.posterior().logProb(z))
                    .toFloats();
            for (int i = 0; i < 16; i++) {
                assertThat(iwae[i]).isCloseTo(elbo[i], within(1e-4));
            }
        }
    }

    @Test
    void priorSamplesCycleThroughTheClassesAndTheDecoderReadsTheLabel() {
        Engine.seed(62);
        VariationalAutoencoder model = cvae(2, 3);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor codes = model.prior().sample(6);
            assertThat(codes.shape()).containsExactly(6, LATENT + 3);
            float[][] rows = codes.narrow(1, LATENT, 3).toMatrix();
            for (int i = 0; i < 6; i++) {
                assertThat(rows[i][i % 3]).isEqualTo(1f);
            }
            Tensor z = Tensor.randn(1, LATENT);
            Tensor asZero = model.decoder().decode(ConditionalDecoder.withLabels(z, new int[] {0}, 3)).mean();
            Tensor asTwo = model.decoder().decode(ConditionalDecoder.withLabels(z, new int[] {2}, 3)).mean();
            assertThat(asZero.shape()).containsExactly(1, 2 + 3);
            assertThat(asZero.narrow(1, 0, 2).sub(asTwo.narrow(1, 0, 2)).abs().sum().item()).isGreaterThan(0);
        }
    }

    @Test
    void datasetsWithoutLabelsAreRejected() {
        Dataset noLabels = new Dataset() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public int size() {
                return 1;
            }

            @Override
            public Shape shape() {
                return Shape.flat(2);
            }

            @Override
            public ValueKind valueKind() {
                return ValueKind.REAL;
            }

            @Override
            public void fill(int[] indices, float[] out, SplittableRandom rng) {
            }

            @Override
            public String provenance() {
                return "none";
            }
        };
        assertThatThrownBy(() -> new OneHotLabelled(noLabels))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--model cvae");
    }

    private static VariationalAutoencoder cvae(int dataDim, int classes) {
        ParameterSet parameters = new ParameterSet();
        ConditionalEncoder encoder = new ConditionalEncoder(new Mlp(parameters.child("encoder"), Activation.TANH,
                dataDim + classes, 16, 2 * LATENT), dataDim, classes);
        ConditionalDecoder decoder = new ConditionalDecoder(new Mlp(parameters.child("decoder"), Activation.TANH,
                LATENT + classes, 16, dataDim), GaussianHead.fixed(0.1, dataDim), dataDim, classes);
        return new VariationalAutoencoder(encoder, decoder, new ConditionalDecoder.LabelledPrior(LATENT, classes),
                parameters, true);
    }

    /** 2-d points whose class is index mod K, offset by class so that the label matters. */
    private record LabelledPoints(int size, int classes) implements Dataset {
        @Override
        public String name() {
            return "labelled-points";
        }

        @Override
        public Shape shape() {
            return Shape.flat(2);
        }

        @Override
        public ValueKind valueKind() {
            return ValueKind.REAL;
        }

        @Override
        public void fill(int[] indices, float[] out, SplittableRandom rng) {
            for (int i = 0; i < indices.length; i++) {
                out[2 * i] = (float) Math.cos(indices[i]) + indices[i] % classes;
                out[2 * i + 1] = (float) Math.sin(indices[i]);
            }
        }

        @Override
        public Optional<Labels> labels() {
            return Optional.of(new Labels() {
                @Override
                public int classCount() {
                    return classes;
                }

                @Override
                public int label(int index) {
                    return index % classes;
                }
            });
        }

        @Override
        public String provenance() {
            return "test";
        }
    }

    private static Tensor batch(Dataset data, int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i * 7;
        }
        float[] values = new float[n * data.dim()];
        data.fill(indices, values, new SplittableRandom(0));
        return Tensor.of(values, n, data.dim());
    }
}
