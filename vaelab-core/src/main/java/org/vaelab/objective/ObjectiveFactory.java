package org.vaelab.objective;

import org.vaelab.UserInputException;
import org.vaelab.run.TrainConfig;

/** The objective a run's config names. */
public final class ObjectiveFactory {
    private ObjectiveFactory() {
    }

    public static Objective build(TrainConfig config) {
        return switch (config.model()) {
            case "ae" -> new Reconstruction();
            case "vae", "beta-vae" -> new BetaElbo(config.beta());
            case "capacity-vae" -> new CapacityBetaElbo(config.gamma(), config.capacityMax(), config.capacitySteps());
            default -> throw new UserInputException("unknown model '" + config.model()
                    + "'; choose vae, beta-vae, capacity-vae or ae");
        };
    }
}
