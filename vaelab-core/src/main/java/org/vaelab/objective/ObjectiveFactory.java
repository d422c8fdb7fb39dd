package org.vaelab.objective;

import org.vaelab.UserInputException;
import org.vaelab.run.TrainConfig;

/** The objective a run's config names. */
public final class ObjectiveFactory {

    private ObjectiveFactory() {
    }

    /** {@code datasetSize} is N in beta-TCVAE's minibatch estimators of log q(z). */
    public static Objective build(TrainConfig config, long datasetSize) {
        Objective objective = base(config, datasetSize);
        return config.klWarmupSteps() > 0 ? new KlWarmup(objective, config.klWarmupSteps()) : objective;
    }

    private static Objective base(TrainConfig config, long datasetSize) {
        return switch (config.model()) {
            case "ae" -> new Reconstruction();
            case "vae", "beta-vae", "vlae", "pixelcnn", "cvae" -> new BetaElbo(config.beta(), config.freeBits());
            case "capacity-vae" -> new CapacityBetaElbo(config.gamma(), config.capacityMax(), config.capacitySteps());
            case "beta-tcvae" -> new BetaTcvae(config.alpha(), config.beta(), config.gamma(),
                    BetaTcvae.Estimator.parse(config.estimator()), datasetSize);
            case "decomp" -> new DecompositionObjective(config.beta(), config.alpha(),
                    Divergence.named(config.divergence()));
            case "infovae" -> InfoVaeObjective.withRbfMmd(config.alpha(), config.lambda(), config.priorVarianceScale());
            case "wae" -> new WaeObjective(config.lambda(), config.priorVarianceScale());
            default -> throw new UserInputException("unknown model '" + config.model()
                    + "'; choose one of " + String.join(", ", TrainConfig.MODELS));
        };
    }
}
