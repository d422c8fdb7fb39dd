package org.vaelab;

import java.util.List;
import org.vaelab.run.TrainConfig;

/** Small configs for tests: fast on 2 cores, still real models. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** An MLP VAE on flat data, {@code latent} dimensions, {@code steps} steps, one thread. */
    public static TrainConfig mlp(String model, String likelihood, int latent, long steps) {
        return new TrainConfig(model, "pinwheel", null, "none", latent, "mlp", List.of(32), "tanh", likelihood,
                null, 1, 100, 5, steps, 1, "mss", "gaussian", "iso", 1, null, 2, 4, 0.8,
                "kl-inc", 10, 3, 2, "gaussian", 8, 0.0, 0L, null, steps, null, 32, 3e-3, 11, 1, 5, 5, 20, null);
    }
}
