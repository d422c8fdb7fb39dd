package org.vaelab.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.DatasetCatalog;
import org.vaelab.model.PixelCnnDecoder;
import org.vaelab.model.PixelCnnMixtureDecoder;
import org.vaelab.run.RunDirectory;
import org.vaelab.run.TrainConfig;
import org.vaelab.workflow.RunData;
import org.vaelab.workflow.TrainDefaults;
import org.vaelab.workflow.Training;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model. With no flags: beta-VAE (beta=4, 10 latents) on procedural dSprites.",
                "Writes config.json, metrics.jsonl and checkpoints/ into the run directory."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "vae, beta-vae, capacity-vae, beta-tcvae, decomp, infovae, wae, vlae, "
            + "pixelcnn, cvae (class-conditional; labelled data) or ae (default: ${DEFAULT-VALUE})",
            defaultValue = TrainDefaults.MODEL)
    String model;

    @Option(names = "--dataset", description = "dsprites, mnist, fashion-mnist, pinwheel, pinwheel4, omniglot, "
            + "caltech-silhouettes or cifar10 (default: ${DEFAULT-VALUE})",
            defaultValue = TrainDefaults.DATASET)
    String dataset;

    @Option(names = "--latent", description = "latent dimensions (default: 10; 2 for pinwheel)")
    Integer latent;

    @Option(names = "--beta", description = "KL weight; beta-tcvae: total-correlation weight (default: 4 for beta-vae, "
            + "6 for beta-tcvae, 1 for vae)")
    Double beta;

    @Option(names = "--gamma", description = "capacity-vae: weight of |KL - C| (default: 1000); beta-tcvae: weight of "
            + "the dimension-wise KL (default: 1)")
    Double gamma;

    @Option(names = "--alpha", description = "beta-tcvae: weight of the index-code mutual information (default: 1); "
            + "decomp: weight of D(q(z), p(z)); infovae: its a (default: 0)")
    Double alpha;

    @Option(names = "--prior", description = "gaussian, student-t, mog, sparse or af (default: ${DEFAULT-VALUE})",
            defaultValue = "gaussian")
    String prior;

    @Option(names = "--prior-variance", description = "iso, pca (the data's top principal variances) or learned "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "iso")
    String priorVariance;

    @Option(names = "--prior-variance-scale", description = "s: the prior's variances sum to s * latent "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1")
    double priorVarianceScale;

    @Option(names = "--df", description = "Student-t prior's degrees of freedom (default: ${DEFAULT-VALUE})",
            defaultValue = "2")
    double df;

    @Option(names = "--components", description = "mixture-of-Gaussians prior's components (default: ${DEFAULT-VALUE})",
            defaultValue = "4")
    int components;

    @Option(names = "--sparsity-gamma", description = "sparse prior's spike weight in [0, 1) (default: ${DEFAULT-VALUE})",
            defaultValue = "0.8")
    double sparsityGamma;

    @Option(names = "--divergence", description = "decomp: mmd-imq, mmd-rbf or kl-inc (default: ${DEFAULT-VALUE})",
            defaultValue = "kl-inc")
    String divergence;

    @Option(names = "--lambda", description = "MMD weight of infovae (default: 1000) and wae (default: 10)")
    Double lambda;

    @Option(names = "--receptive-field", description = "vlae, pixelcnn: masked 3x3 layers of the PixelCNN decoder, "
            + "which set its causal window (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int receptiveField;

    @Option(names = "--flow-layers", description = "layers of the af prior (default: ${DEFAULT-VALUE})",
            defaultValue = "4")
    int flowLayers;

    @Option(names = "--posterior", description = "vlae: gaussian or iaf (default: ${DEFAULT-VALUE})",
            defaultValue = "gaussian")
    String posterior;

    @Option(names = "--pixelcnn-channels", description = "vlae, pixelcnn: feature maps per layer "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "16")
    int pixelcnnChannels;

    @Option(names = "--free-bits", paramLabel = "NATS", description = "vae, beta-vae, vlae, cvae: KL each latent "
            + "dimension may use unpenalised (Kingma et al. 2016's free bits; default: off)")
    Double freeBits;

    @Option(names = "--kl-warmup", paramLabel = "STEPS", description = "raise the weight of the KL (every term but "
            + "the reconstruction) linearly from 0 to 1 over this many steps (default: off)")
    Long klWarmupSteps;

    @Option(names = "--estimator", description = "beta-tcvae: mss (minibatch stratified sampling) or mws (minibatch "
            + "weighted sampling) (default: ${DEFAULT-VALUE})", defaultValue = "mss")
    String estimator;

    @Option(names = "--capacity-max", description = "capacity-vae: final C in nats (default: 25)")
    Double capacityMax;

    @Option(names = "--capacity-steps", description = "capacity-vae: steps over which C rises from 0 (default: all)")
    Long capacitySteps;

    @ArgGroup(exclusive = true)
    Budget budget;

    static final class Budget {
        @Option(names = "--steps", description = "optimizer steps; 0 saves the untrained model (default: 1500 on dsprites, 3000 elsewhere)")
        Long steps;

        @Option(names = "--epochs", description = "passes over the training data, instead of --steps")
        Integer epochs;
    }

    @Option(names = "--batch", description = "batch size (default: 64; 400 for pinwheel)")
    Integer batch;

    @Option(names = "--lr", description = "Adam learning rate (default: 1e-3)")
    Double lr;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "0")
    long seed;

    @Option(names = "--threads", description = "libtorch threads (default: all cores; the launcher also sets "
            + "OMP_NUM_THREADS and OPENBLAS_NUM_THREADS)")
    Integer threads;

    @Option(names = "--out", description = "run directory (default: runs/<timestamp>-<model>-<dataset>)")
    Path out;

    @Option(names = "--resume", description = "continue the run in --out from its latest checkpoint")
    boolean resume;

    @Option(names = "--arch", description = "conv or mlp (default: conv for dsprites, mlp otherwise)")
    String arch;

    @Option(names = "--hidden", split = ",", description = "MLP hidden widths, e.g. 200,200 (default: 512,512; 100 for pinwheel)")
    List<Integer> hidden;

    @Option(names = "--activation", description = "MLP activation: relu or tanh (default: ${DEFAULT-VALUE})",
            defaultValue = "relu")
    String activation;

    @Option(names = "--likelihood", description = "bernoulli, gaussian, logistic or logistic-mixture (default: from "
            + "the data)")
    String likelihood;

    @Option(names = "--mixtures", paramLabel = "K", description = "logistic-mixture: components per value "
            + "(default: 5)")
    Integer mixtures;

    @Option(names = "--gaussian-variance", description = "fix the Gaussian likelihood's variance (default: learned)")
    Double gaussianVariance;

    @Option(names = "--binarize", description = "none, static or dynamic, for mnist, fashion-mnist and omniglot "
            + "(default: dynamic for mnist and omniglot, none for fashion-mnist)")
    String binarize;

    @Option(names = "--data-dir", description = "directory searched first for dataset files")
    Path dataDir;

    @Option(names = "--log-every", description = "steps between metrics.jsonl lines (default: ${DEFAULT-VALUE})",
            defaultValue = "10")
    int logEvery;

    @Option(names = "--kl-every", description = "steps between per-dimension KL logs (default: ${DEFAULT-VALUE})",
            defaultValue = "100")
    int klEvery;

    @Option(names = "--checkpoint-every", description = "steps between checkpoints (default: ${DEFAULT-VALUE})",
            defaultValue = "500")
    int checkpointEvery;

    @Override
    public Integer call() {
        if (resume && out == null) {
            throw new UserInputException("--resume needs --out RUN_DIR naming the run to continue");
        }
        Path root = out != null ? out : defaultRunDir();
        RunDirectory run = new RunDirectory(root);
        Training training;
        if (resume) {
            TrainConfig saved = RunDirectory.existing(root).readConfig().config();
            // Unflagged choices come from the saved run, so defaults cannot clash with it.
            model = spec.commandLine().getParseResult().hasMatchedOption("--model") ? model : saved.model();
            dataset = spec.commandLine().getParseResult().hasMatchedOption("--dataset") ? dataset : saved.dataset();
            binarize = binarize != null ? binarize : saved.binarize();
            Path savedDataDir = saved.dataDir() == null ? null : Path.of(saved.dataDir());
            dataDir = dataDir != null ? dataDir : savedDataDir;
            Dataset data = openTrainingData();
            TrainConfig requested = resolve(data, binarize);
            ResumeCheck.rejectChangedFlags(spec, saved, requested);
            boolean newBudget = budget != null;
            training = Training.resume(run, newBudget ? requested.steps() : saved.steps(),
                    newBudget ? requested.epochs() : saved.epochs(), data);
        } else {
            Dataset data = openTrainingData();
            training = Training.start(run, resolve(data, binarize != null ? binarize : TrainDefaults.binarize(dataset)),
                    data);
        }
        TrainConfig used = training.config();
        System.out.printf("%s %s on %s: %d latents, %d steps of %d, %s, run %s%n", resume ? "resuming" : "training",
                used.model(), used.dataset(), used.latent(), used.steps(), used.batch(),
                training.startStep() > 0 ? "from step " + training.startStep() : "from scratch", root);
        if (training.model().decoder() instanceof PixelCnnDecoder pixelCnn) {
            System.out.println(pixelCnn.network().describeWindow());
        } else if (training.model().decoder() instanceof PixelCnnMixtureDecoder pixelCnn) {
            System.out.print(pixelCnn.network().describeWindow());
            System.out.println("  each pixel: a mixture of " + pixelCnn.components() + " discretised logistics");
        }
        TrainingProgress progress = new TrainingProgress();
        try {
            training.run(List.of(progress));
        } finally {
            progress.close();
        }
        System.out.println("done: " + root + " (next: ./vaelab eval " + root + ")");
        return 0;
    }

    private Dataset openTrainingData() {
        if (binarize != null && !DatasetCatalog.isGreyLevel(dataset) && !binarize.equals("none")) {
            throw new UserInputException("--binarize applies to the grey-level datasets (mnist, fashion-mnist, omniglot), not "
                    + dataset);
        }
        return RunData.forModel(model, DatasetCatalog.open(dataset, "train", dataDir,
                binarize != null ? binarize : TrainDefaults.binarize(dataset)));
    }

    private TrainConfig resolve(Dataset data, String binarization) {
        long steps;
        Integer epochs = null;
        int batchSize = batch != null ? batch : TrainDefaults.batch(dataset);
        if (budget != null && budget.epochs != null) {
            if (budget.epochs < 1) {
                throw new UserInputException("--epochs must be at least 1, got " + budget.epochs);
            }
            epochs = budget.epochs;
            steps = (long) epochs * Math.max(1, data.size() / batchSize);
        } else {
            steps = budget != null && budget.steps != null ? budget.steps : TrainDefaults.steps(dataset);
        }
        String likelihoodName = likelihood != null ? likelihood : TrainDefaults.likelihood(dataset, binarization);
        // On --resume the saved likelihood counts, and ResumeCheck compares --mixtures with the saved value.
        if (mixtures != null && !resume && !likelihoodName.equals("logistic-mixture")) {
            throw new UserInputException("--mixtures applies to --likelihood logistic-mixture, not " + likelihoodName);
        }
        if (beta != null && model.equals("vae") && beta != 1) {
            throw new UserInputException("--model vae has beta = 1; use --model beta-vae for --beta " + beta);
        }
        return new TrainConfig(model, dataset, dataDir == null ? null : dataDir.toString(), binarization,
                latent != null ? latent : TrainDefaults.latent(dataset),
                arch != null ? arch : TrainDefaults.arch(dataset),
                hidden != null ? hidden : TrainDefaults.hidden(dataset), activation,
                likelihoodName, gaussianVariance,
                beta != null ? beta : TrainDefaults.beta(model),
                gamma != null ? gamma : TrainDefaults.gamma(model),
                capacityMax != null ? capacityMax : TrainDefaults.CAPACITY_MAX,
                capacitySteps != null ? capacitySteps : Math.max(1, steps),
                alpha != null ? alpha : TrainDefaults.alpha(model), estimator, prior, priorVariance,
                priorVarianceScale, null, df, components, sparsityGamma, divergence,
                lambda != null ? lambda : TrainDefaults.lambda(model), receptiveField, flowLayers, posterior,
                pixelcnnChannels, freeBits, klWarmupSteps, null,
                steps, epochs, batchSize, lr != null ? lr : TrainDefaults.lr(), seed,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                logEvery, klEvery, checkpointEvery, mixtures);
    }

    private Path defaultRunDir() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", stamp + "-" + model + "-" + dataset);
    }

    /** Flags whose value a resumed run may change; every other given flag must match the saved config. */
    static final Map<String, String> RESUMABLE = Map.of("--steps", "steps", "--epochs", "epochs",
            "--threads", "threads", "--out", "out", "--resume", "resume", "--data-dir", "dataDir");

    static List<String> givenFlags(CommandSpec spec) {
        List<String> given = new ArrayList<>();
        spec.commandLine().getParseResult().matchedOptions().forEach(o -> given.add(o.longestName()));
        return given;
    }
}
