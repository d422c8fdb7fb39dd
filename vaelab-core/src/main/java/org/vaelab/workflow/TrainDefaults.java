package org.vaelab.workflow;

import java.util.List;
import org.vaelab.data.DatasetCatalog;

/**
 * The defaults each dataset gets when a flag is not given: sized so the default run finishes in a few minutes
 * on 2 CPU cores and still shows learned structure.
 */
public final class TrainDefaults {
    public static final String MODEL = "beta-vae";
    public static final String DATASET = "dsprites";
    /** Burgess et al. 2018 use gamma = 1000 and C rising to 25 nats. */
    private static final double CAPACITY_GAMMA = 1000;
    public static final double CAPACITY_MAX = 25;

    private TrainDefaults() {
    }

    /** beta-VAE: 4 (Higgins et al. on dSprites); beta-TCVAE: 6 (Chen et al. on dSprites); otherwise 1. */
    public static double beta(String model) {
        return switch (model) {
            case "beta-vae" -> 4;
            case "beta-tcvae" -> 6;
            default -> 1;
        };
    }

    /** capacity-vae's gamma weighs |KL - C| (1000, Burgess et al.); beta-tcvae's weighs the dimension-wise KL (1). */
    public static double gamma(String model) {
        return model.equals("beta-tcvae") ? 1 : CAPACITY_GAMMA;
    }

    /** beta-tcvae's index-code MI weight is 1 (Chen et al.); decomp's divergence weight and InfoVAE's a are 0. */
    public static double alpha(String model) {
        return model.equals("beta-tcvae") ? 1 : 0;
    }

    /** InfoVAE's MMD weight (Zhao et al. use 1000 with alpha 0); WAE's lambda (Tolstikhin et al.: 10 on MNIST). */
    public static double lambda(String model) {
        return model.equals("infovae") ? 1000 : 10;
    }

    /** Convolutions for dSprites (64x64) and CIFAR-10 (32x32 colour); an MLP for the 28x28 sets and pinwheel. */
    public static String arch(String dataset) {
        return dataset.equals("dsprites") || dataset.equals("cifar10") ? "conv" : "mlp";
    }

    /**
     * MNIST and OMNIGLOT are binarised afresh every step (dynamic), as in Burda et al. 2016; Fashion-MNIST keeps its
     * greys. Caltech-101 Silhouettes is binary already.
     */
    public static String binarize(String dataset) {
        return dataset.equals("mnist") || dataset.equals("omniglot") ? "dynamic" : "none";
    }

    /** Gaussian for pinwheel, discretised logistic for 8-bit levels (greys, CIFAR-10's colours), else Bernoulli. */
    public static String likelihood(String dataset, String binarize) {
        if (isPinwheel(dataset)) {
            return "gaussian";
        }
        boolean eightBit = DatasetCatalog.hasEightBitValues(dataset) && binarize.equals("none");
        return eightBit ? "logistic" : "bernoulli";
    }

    public static int latent(String dataset) {
        return isPinwheel(dataset) ? 2 : 10;
    }

    public static List<Integer> hidden(String dataset) {
        return isPinwheel(dataset) ? List.of(100) : List.of(512, 512);
    }

    public static int batch(String dataset) {
        return isPinwheel(dataset) ? 400 : 64;
    }

    public static long steps(String dataset) {
        return switch (dataset) {
            case "dsprites" -> 1500;
            case "pinwheel" -> 3000;
            case "pinwheel4" -> 500;
            default -> 3000;
        };
    }

    private static boolean isPinwheel(String dataset) {
        return dataset.equals("pinwheel") || dataset.equals("pinwheel4");
    }

    public static double lr() {
        return 1e-3;
    }
}
