package org.vaelab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.TestConfigs;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.model.ModelFactory;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.objective.BetaElbo;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** Autograd's gradients of the whole VAE loss against central finite differences. */
class GradientCheckTest {
    private static final float[] DATA = {0.2f, -0.4f, 1.1f, 0.7f, -1.5f, 0.3f, 0.9f, 0.1f};

    @Test
    void elboGradientsMatchFiniteDifferences() {
        Engine.threads(1);
        Engine.seed(5);
        VariationalAutoencoder model = ModelFactory.build(TestConfigs.mlp("vae", "gaussian", 2, 1), Shape.flat(2));
        Map<String, Tensor> parameters = model.parameters().named();
        try (Scope s = Scope.open()) {
            Tensor loss = loss(model);
            loss.backward();
        }
        int checked = 0;
        for (String name : new String[] {"encoder.fc0.weight", "encoder.fc1.bias", "decoder.fc0.weight",
                "decoder.fc1.weight", "likelihood_log_var"}) {
            Tensor p = parameters.get(name);
            float[] analytic = p.grad().toFloats();
            float[] values = p.toFloats();
            for (int i = 0; i < Math.min(4, values.length); i++) {
                double h = 1.0 / 64;
                double up = lossWith(model, p, values, i, h);
                double down = lossWith(model, p, values, i, -h);
                double numeric = (up - down) / (2 * h);
                assertThat(analytic[i]).as("%s[%d]", name, i)
                        .isCloseTo((float) numeric, within((float) (2e-3 + 2e-2 * Math.abs(numeric))));
                checked++;
            }
            p.assign(Tensor.of(values, p.shape()));
        }
        assertThat(checked).isGreaterThan(12);
    }

    /** The loss with the same data and the same reparameterisation noise every time. */
    private static Tensor loss(VariationalAutoencoder model) {
        Engine.seed(123);
        Tensor x = Tensor.of(DATA, 4, 2);
        return new BetaElbo(1).evaluate(model.forward(x), 0).total().mul(4);
    }

    private static double lossWith(VariationalAutoencoder model, Tensor p, float[] values, int i, double delta) {
        float[] moved = values.clone();
        moved[i] += (float) delta;
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            p.assign(Tensor.of(moved, p.shape()));
            double l = loss(model).item();
            p.assign(Tensor.of(values, p.shape()));
            return l;
        }
    }
}
