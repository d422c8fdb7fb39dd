package org.vaelab.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.dist.AnisotropicGaussianPrior;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.PriorKls;
import org.vaelab.dist.StandardNormal;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** The decomposition, InfoVAE and WAE objectives weigh their terms as their papers do. */
class DecompositionObjectivesTest {
    /** A fixed value, so the weights can be checked exactly. */
    private static final Divergence CONSTANT = pass -> Tensor.scalar(0.25);

    @Test
    void decompositionAddsTheWeightedDivergence() {
        try (Scope s = Scope.open()) {
            Engine.seed(41);
            ForwardPass pass = samplePass();
            Loss loss = new DecompositionObjective(3, 10, CONSTANT).evaluate(pass, 0);
            double recon = loss.terms().get("recon").item();
            double kl = loss.terms().get("kl").item();
            assertThat(loss.terms()).containsOnlyKeys("recon", "kl", "divergence");
            assertThat(recon).isCloseTo(-pass.logLikelihood().mean().item(), within(1e-6));
            assertThat(kl).isCloseTo(pass.kl().total().mean().item(), within(1e-6));
            assertThat(loss.total().item()).isCloseTo(recon + 3 * kl + 10 * 0.25, within(1e-5));
            // alpha = 0 is the beta-VAE; the divergence is still logged.
            Loss betaVae = new DecompositionObjective(3, 0, CONSTANT).evaluate(pass, 0);
            assertThat(betaVae.total().item()).isCloseTo(recon + 3 * kl, within(1e-5));
            assertThat(betaVae.terms().get("divergence").item()).isEqualTo(0.25);
        }
    }

    @Test
    void infoVaeWeighsKlByOneMinusAlphaAndTheDivergenceByAlphaPlusLambdaMinusOne() {
        try (Scope s = Scope.open()) {
            Engine.seed(42);
            ForwardPass pass = samplePass();
            InfoVaeObjective objective = new InfoVaeObjective(0.5, 100, CONSTANT);
            assertThat(objective.klWeight()).isEqualTo(0.5);
            assertThat(objective.divergenceWeight()).isEqualTo(99.5);
            Loss loss = objective.evaluate(pass, 0);
            double recon = loss.terms().get("recon").item();
            double kl = loss.terms().get("kl").item();
            assertThat(loss.total().item()).isCloseTo(recon + 0.5 * kl + 99.5 * 0.25, within(1e-4));
            assertThatThrownBy(() -> new InfoVaeObjective(1.5, 1, CONSTANT)).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("--alpha");
            assertThatThrownBy(() -> new InfoVaeObjective(-1, 1.5, CONSTANT)).isInstanceOf(UserInputException.class);
            assertThatThrownBy(() -> new InfoVaeObjective(0, 0, CONSTANT)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void waeTrainsReconstructionAndMmdAtTheMeanCode() {
        try (Scope s = Scope.open()) {
            Engine.seed(43);
            DiagonalGaussian posterior = new DiagonalGaussian(Tensor.randn(32, 2).requiresGrad(), Tensor.zeros(32, 2));
            ForwardPass pass = DecompositionPasses.of(posterior, new StandardNormal(2), posterior.mean());
            Loss loss = new WaeObjective(10, CONSTANT).evaluate(pass, 0);
            assertThat(loss.terms()).containsOnlyKeys("recon", "kl", "divergence");
            assertThat(loss.total().item()).isCloseTo(loss.terms().get("recon").item() + 2.5, within(1e-5));
            // With the real kernel the penalty pulls the codes: a nonzero gradient reaches them.
            new WaeObjective(10, 1).evaluate(pass, 0).total().backward();
            assertThat(posterior.mean().grad().abs().max().item()).isGreaterThan(0);
        }
    }

    @Test
    void divergencesReachLearnedPriorParameters() {
        ParameterSet parameters = new ParameterSet();
        AnisotropicGaussianPrior prior = AnisotropicGaussianPrior.learned(parameters.child("prior"),
                new double[] {3, 1, 1}, 1);
        Tensor logits = parameters.named().get("prior.variance_logits");
        for (String name : new String[] {"kl-inc", "mmd-imq", "mmd-rbf"}) {
            try (Scope s = Scope.open()) {
                Engine.seed(44);
                DiagonalGaussian posterior = new DiagonalGaussian(Tensor.randn(16, 3).mul(2), Tensor.zeros(16, 3));
                ForwardPass pass = DecompositionPasses.of(posterior, prior);
                // beta = 0 isolates the divergence's own gradient.
                new DecompositionObjective(0, 1, Divergence.named(name)).evaluate(pass, 0).total().backward();
                assertThat(logits.grad().abs().max().item()).as(name).isGreaterThan(1e-5);
                logits.grad().assign(Tensor.zeros(3));
            }
        }
    }

    @Test
    void unknownDivergenceNamesTheFlag() {
        assertThatThrownBy(() -> Divergence.named("wasserstein")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--divergence");
    }

    private static ForwardPass samplePass() {
        DiagonalGaussian posterior = new DiagonalGaussian(Tensor.randn(8, 2), Tensor.randn(8, 2).mul(0.3));
        return DecompositionPasses.of(posterior, new StandardNormal(2));
    }
}
