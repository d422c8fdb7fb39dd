package org.vaelab.model;

import org.vaelab.UserInputException;
import org.vaelab.dist.AnisotropicGaussianPrior;
import org.vaelab.dist.AutoregressiveFlowPrior;
import org.vaelab.dist.MixtureOfGaussiansPrior;
import org.vaelab.dist.Prior;
import org.vaelab.dist.SpikeAndSlabPrior;
import org.vaelab.dist.StandardNormal;
import org.vaelab.dist.StudentTPrior;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.ParameterSet;

/**
 * The prior a run's config names. Every family shares Mathieu et al.'s variance scale s (variances summing to
 * s * d); learned parameters register under "prior".
 */
final class PriorFactory {
    /** Width of the MADE layers in flows: sized for CPUs (VLAE used 640). */
    static final int FLOW_HIDDEN = 128;

    private PriorFactory() {
    }

    static Prior build(TrainConfig config, ParameterSet parameters) {
        int d = config.latent();
        double s = config.priorVarianceScale();
        boolean learned = config.priorVariance().equals("learned");
        return switch (config.prior()) {
            case "gaussian" -> switch (config.priorVariance()) {
                case "pca" -> AnisotropicGaussianPrior.fixed(pcaVariances(config), s);
                case "learned" -> AnisotropicGaussianPrior.learned(parameters.child("prior"), d, s);
                default -> s == 1 ? new StandardNormal(d) : AnisotropicGaussianPrior.isotropic(d, s);
            };
            case "student-t" -> new StudentTPrior(d, config.df(), Math.sqrt(s));
            case "sparse" -> new SpikeAndSlabPrior(d, config.sparsityGamma(), Math.sqrt(s));
            // Shift-only layers (unit scale), as VLAE used on MNIST for stability.
            case "af" -> new AutoregressiveFlowPrior(parameters, "prior", d, config.flowLayers(),
                    new int[] {FLOW_HIDDEN, FLOW_HIDDEN}, true);
            case "mog" -> {
                // Four components in 2-d sit at the compass points, as in Mathieu et al.'s pinwheel demonstration.
                float[][] means = d == 2 && config.components() == 4 ? MixtureOfGaussiansPrior.compassMeans()
                        : MixtureOfGaussiansPrior.randomMeans(config.components(), d);
                yield learned
                        ? MixtureOfGaussiansPrior.learned(parameters.child("prior"), means, s,
                                MixtureOfGaussiansPrior.VarianceSharing.SHARED)
                        : MixtureOfGaussiansPrior.fixed(means, s);
            }
            default -> throw new UserInputException("unknown --prior '" + config.prior() + "'");
        };
    }

    private static double[] pcaVariances(TrainConfig config) {
        if (config.priorVariances() == null || config.priorVariances().size() != config.latent()) {
            throw new UserInputException("--prior-variance pca needs the data's principal variances in config.json; "
                    + "start the run again");
        }
        return config.priorVariances().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
