package org.vaelab.run;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaelab.UserInputException;

/**
 * Every hyperparameter of a training run, fully resolved (no dataset-dependent defaults left open). Saved as
 * config.json beside the checkpoints; {@code --resume} rebuilds the run from it.
 *
 * @param model        vae, beta-vae, capacity-vae, beta-tcvae, decomp, infovae, wae, vlae, pixelcnn or ae
 * @param dataset      dsprites, mnist, fashion-mnist or pinwheel
 * @param dataDir      where to look first for dataset files; null for the default search path
 * @param binarize     none, static or dynamic (grey-level datasets only)
 * @param arch         conv or mlp
 * @param hidden       hidden widths of the MLP (unused by conv)
 * @param activation   relu or tanh (MLP only; conv nets use relu)
 * @param likelihood   bernoulli, gaussian, logistic or logistic-mixture
 * @param gaussianVariance fixed variance of the Gaussian likelihood, or null to learn it
 * @param capacityMax  C at the end of annealing, nats (capacity-vae)
 * @param capacitySteps steps over which C rises linearly from 0 (capacity-vae)
 * @param alpha        weight of the index-code mutual information (beta-tcvae)
 * @param estimator    mss or mws: how beta-tcvae estimates log q(z) from a minibatch
 * @param prior        gaussian, student-t, mog, sparse or af (autoregressive flow)
 * @param priorVariance iso, pca or learned: the Gaussian prior's per-dimension variances (mog: learned means too)
 * @param priorVarianceScale s: the prior's variances sum to s * d
 * @param priorVariances the top-d principal variances of the training data when priorVariance is pca, else null
 * @param df           degrees of freedom of the Student-t prior
 * @param components   components of the mixture-of-Gaussians prior
 * @param sparsityGamma weight of the spike N(0, 0.05^2) in the sparse prior, in [0, 1)
 * @param divergence   mmd-imq, mmd-rbf or kl-inc: D(q(z), p(z)) of the decomp model
 * @param lambda       weight of the MMD term of infovae and wae
 * @param receptiveField masked 3x3 layers of the PixelCNN decoder (vlae, pixelcnn): its causal window
 * @param flowLayers   autoregressive-flow layers of the af prior
 * @param posterior    gaussian or iaf (vlae)
 * @param pixelcnnChannels feature maps in each PixelCNN layer
 * @param freeBits     nats of KL per latent group the objective does not penalise (Kingma et al. 2016); 0 = off
 * @param klWarmupSteps steps over which the weight of every term but the reconstruction rises from 0 to 1; 0 = off
 * @param classes      one-hot label columns of a class-conditional model (cvae), taken from the data; else null
 * @param steps        optimizer steps in total (0 saves the initialised, untrained model)
 * @param epochs       the --epochs the steps were derived from, or null
 * @param logEvery     steps between metrics.jsonl lines
 * @param klEvery      steps between per-dimension KL entries in metrics.jsonl
 * @param checkpointEvery steps between checkpoints (one is always written at the end)
 * @param mixtures     components of the discretised logistic mixture likelihood (logistic-mixture); null reads as 5
 */
public record TrainConfig(
        String model, String dataset, String dataDir, String binarize,
        int latent, String arch, List<Integer> hidden, String activation,
        String likelihood, Double gaussianVariance,
        double beta, double gamma, double capacityMax, long capacitySteps, double alpha, String estimator,
        String prior, String priorVariance, double priorVarianceScale, List<Double> priorVariances, double df,
        int components, double sparsityGamma, String divergence, double lambda,
        int receptiveField, int flowLayers, String posterior, int pixelcnnChannels,
        Double freeBits, Long klWarmupSteps, Integer classes,
        long steps, Integer epochs, int batch, double lr, long seed, int threads,
        int logEvery, int klEvery, int checkpointEvery, Integer mixtures) {

    public static final List<String> MODELS = List.of("vae", "beta-vae", "capacity-vae", "beta-tcvae", "decomp",
            "infovae", "wae", "vlae", "pixelcnn", "cvae", "ae");
    /** The models trained on the (beta-weighted) ELBO, the ones free bits apply to. */
    public static final List<String> ELBO_MODELS = List.of("vae", "beta-vae", "vlae", "cvae");
    public static final List<String> PRIORS = List.of("gaussian", "student-t", "mog", "sparse", "af");
    /** Components of the logistic mixture likelihood when --mixtures is not given. */
    public static final int DEFAULT_MIXTURES = 5;

    /** Rejects values no run can use, naming the command-line flag that sets each. */
    public TrainConfig {
        // Absent from configs saved before these flags existed: read as "off".
        freeBits = freeBits == null ? 0.0 : freeBits;
        klWarmupSteps = klWarmupSteps == null ? 0L : klWarmupSteps;
        // Absent from configs saved before the mixture likelihood existed: the default.
        mixtures = mixtures == null ? DEFAULT_MIXTURES : mixtures;
        require(mixtures >= 1, "--mixtures must be at least 1, got " + mixtures);
        require(latent >= 1, "--latent must be at least 1, got " + latent);
        require(beta >= 0 && Double.isFinite(beta), "--beta must be a number >= 0, got " + beta);
        require(gamma >= 0 && Double.isFinite(gamma), "--gamma must be a number >= 0, got " + gamma);
        require(alpha >= 0 && Double.isFinite(alpha), "--alpha must be a number >= 0, got " + alpha);
        require(estimator.equals("mss") || estimator.equals("mws"),
                "unknown --estimator '" + estimator + "'; choose mss or mws");
        require(PRIORS.contains(prior), "unknown --prior '" + prior + "'; choose one of " + String.join(", ", PRIORS));
        require(List.of("iso", "pca", "learned").contains(priorVariance),
                "unknown --prior-variance '" + priorVariance + "'; choose iso, pca or learned");
        require(priorVarianceScale > 0 && Double.isFinite(priorVarianceScale),
                "--prior-variance-scale must be a number > 0, got " + priorVarianceScale);
        require(df > 0 && Double.isFinite(df), "--df must be a number > 0, got " + df);
        require(components >= 1, "--components must be at least 1, got " + components);
        require(sparsityGamma >= 0 && sparsityGamma < 1, "--sparsity-gamma must be in [0, 1), got " + sparsityGamma);
        require(List.of("mmd-imq", "mmd-rbf", "kl-inc").contains(divergence),
                "unknown --divergence '" + divergence + "'; choose mmd-imq, mmd-rbf or kl-inc");
        require(lambda > 0 && Double.isFinite(lambda), "--lambda must be a number > 0, got " + lambda);
        require(receptiveField >= 1, "--receptive-field must be at least 1, got " + receptiveField);
        require(flowLayers >= 0, "--flow-layers must be at least 0, got " + flowLayers);
        require(posterior.equals("gaussian") || posterior.equals("iaf"),
                "unknown --posterior '" + posterior + "'; choose gaussian or iaf");
        require(pixelcnnChannels >= 1, "--pixelcnn-channels must be at least 1, got " + pixelcnnChannels);
        require(freeBits >= 0 && Double.isFinite(freeBits), "--free-bits must be a number >= 0, got " + freeBits);
        require(freeBits == 0 || ELBO_MODELS.contains(model), "--free-bits applies to the ELBO models ("
                + String.join(", ", ELBO_MODELS) + "), not --model " + model);
        require(klWarmupSteps >= 0, "--kl-warmup must be at least 0 steps, got " + klWarmupSteps);
        require(classes == null || classes >= 2, "a class-conditional model needs at least 2 classes, got " + classes);
        require(classes == null || model.equals("cvae"), "only --model cvae takes class labels");
        require(capacityMax >= 0 && Double.isFinite(capacityMax), "--capacity-max must be >= 0, got " + capacityMax);
        require(capacitySteps >= 1, "--capacity-steps must be at least 1, got " + capacitySteps);
        require(steps >= 0, "--steps must be at least 0, got " + steps);
        require(batch >= 1, "--batch must be at least 1, got " + batch);
        require(lr > 0 && Double.isFinite(lr), "--lr must be a number > 0, got " + lr);
        require(threads >= 1, "--threads must be at least 1, got " + threads);
        require(logEvery >= 1 && klEvery >= 1 && checkpointEvery >= 1,
                "--log-every, --kl-every and --checkpoint-every must be at least 1");
        require(gaussianVariance == null || gaussianVariance > 0,
                "--gaussian-variance must be > 0, got " + gaussianVariance);
        require(hidden != null && hidden.stream().allMatch(h -> h != null && h >= 1),
                "--hidden widths must be at least 1, got " + hidden);
        require(arch.equals("conv") || arch.equals("mlp"), "unknown --arch '" + arch + "'; choose conv or mlp");
        require(activation.equals("relu") || activation.equals("tanh"),
                "unknown --activation '" + activation + "'; choose relu or tanh");
        require(List.of("bernoulli", "gaussian", "logistic", "logistic-mixture").contains(likelihood),
                "unknown --likelihood '" + likelihood + "'; choose bernoulli, gaussian, logistic or logistic-mixture");
        require(MODELS.contains(model), "unknown --model '" + model + "'; choose one of " + String.join(", ", MODELS));
    }

    /**
     * This config with some fields replaced (by record component name), validated like any other; for the few
     * edits a run makes to its config (the step budget on resume, values resolved from the data) and for tests.
     */
    public TrainConfig with(Map<String, ?> changes) {
        Map<String, Object> fields = Json.MAPPER.convertValue(this, new TypeReference<Map<String, Object>>() {
        });
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            if (!fields.containsKey(change.getKey())) {
                throw new IllegalArgumentException("TrainConfig has no field '" + change.getKey() + "'");
            }
            fields.put(change.getKey(), change.getValue());
        }
        try {
            return Json.MAPPER.convertValue(fields, TrainConfig.class);
        } catch (IllegalArgumentException e) {
            // Validation failures arrive wrapped by Jackson; surface the message the constructor wrote.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UserInputException u) {
                    throw u;
                }
            }
            throw e;
        }
    }

    public TrainConfig with(String field, Object value) {
        Map<String, Object> change = new HashMap<>();
        change.put(field, value);
        return with(change);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UserInputException(message);
        }
    }
}
