package org.vaelab.cli;

import java.util.concurrent.Callable;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.eval.EvalResult;
import org.vaelab.eval.Evaluator;
import org.vaelab.eval.KlDecomposition;
import org.vaelab.run.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a run: ELBO, reconstruction (distortion), KL (rate), per-dimension KL, active "
                + "units, with --iwae K the importance-weighted bound, with --code-length the bits-back code length. "
                + "Prints and writes RUN_DIR/eval.json."})
final class EvalCommand implements Callable<Integer> {
    static final int MAX_IWAE_K = 5000;

    @Mixin
    RunOptions run;

    @Option(names = "--iwae", paramLabel = "K", description = "importance samples for the IWAE bound, 1.."
            + MAX_IWAE_K + " (default: off)")
    Integer iwaeK;

    @Option(names = "--split", description = "train or test (default: ${DEFAULT-VALUE})", defaultValue = "test")
    String split;

    @Option(names = "--limit", description = "evaluate only the first N examples of the split (default: all)")
    Integer limit;

    @Option(names = "--batch", description = "examples per batch (default: ${DEFAULT-VALUE})", defaultValue = "100")
    int batch;

    @Option(names = "--decompose", description = "split the average KL into index-code MI, total correlation and "
            + "dimension-wise KL, over the whole training data (Chen et al. 2018)")
    boolean decompose;

    @Option(names = "--decompose-samples", description = "z samples the decomposition averages over (default: "
            + "${DEFAULT-VALUE})", defaultValue = "" + KlDecomposition.DEFAULT_SAMPLES)
    int decomposeSamples;

    @Option(names = "--code-length", description = "split the bits-back code length into bits in z (the KL, what "
            + "the latent code carries) and bits in x given z, per image and per dimension (discrete data)")
    boolean codeLength;

    @Override
    public Integer call() {
        if (iwaeK != null && (iwaeK < 1 || iwaeK > MAX_IWAE_K)) {
            throw new UserInputException("--iwae must be between 1 and " + MAX_IWAE_K + ", got " + iwaeK);
        }
        if (limit != null && limit < 1) {
            throw new UserInputException("--limit must be at least 1, got " + limit);
        }
        if (batch < 1) {
            throw new UserInputException("--batch must be at least 1, got " + batch);
        }
        RunOptions.Loaded loaded = run.load(split);
        if (codeLength && (loaded.data().valueKind() == ValueKind.REAL || !loaded.trained().model().stochastic())) {
            throw new UserInputException("--code-length needs discrete data (binary or 8-bit) and a model with a "
                    + "likelihood bound; " + run.runDir + " has " + (loaded.trained().model().stochastic()
                    ? "real-valued data" : "a deterministic encoder"));
        }
        int examples = limit == null ? loaded.data().size() : Math.min(limit, loaded.data().size());
        Evaluator evaluator = new Evaluator(loaded.trained().model(), batch, run.seed);
        EvalResult result;
        try (Progress progress = new Progress("eval", 0, examples)) {
            result = evaluator.evaluate(loaded.data(), split, examples, iwaeK == null ? 0 : iwaeK,
                    done -> progress.step(done, ""));
        }
        if (codeLength) {
            result = result.withCodeLength();
        }
        if (decompose) {
            KlDecomposition decomposition = KlDecomposition.of(loaded.trained().model(), batch, decomposeSamples,
                    run.seed);
            Dataset all = run.data("train");
            try (Progress progress = new Progress("decompose", 0, KlDecomposition.progressTotal(all))) {
                result = result.withDecomposition(decomposition.decompose(all, done -> progress.step(done, "")));
            }
        }
        Json.write(loaded.trained().run().eval(), result);
        print(result);
        System.out.println("wrote " + loaded.trained().run().eval());
        return 0;
    }

    private static void print(EvalResult r) {
        System.out.printf("%s split, %d examples (checkpoint of the latest step)%n", r.split(), r.examples());
        if (r.elbo() != null) {
            System.out.printf("ELBO            %10.3f nats%s%n", r.elbo(), bits(r.elboBitsPerDim()));
        }
        System.out.printf("reconstruction  %10.3f nats (distortion)%n", r.recon());
        System.out.printf("KL              %10.3f nats (rate)%n", r.kl());
        if (r.activeUnits() != null) {
            System.out.printf("active units    %10d of %d (KL > %.2f nats)%n", r.activeUnits(), r.klPerDim().length,
                    r.activeThreshold());
            StringBuilder dims = new StringBuilder("KL per dim     ");
            for (double v : r.klPerDim()) {
                dims.append(String.format(" %.2f", v));
            }
            System.out.println(dims);
        }
        System.out.printf("prior match     MMD(q(z), p(z)) %.4f, mean log p(z) %.3f nats (%d codes)%n",
                r.priorMatch().mmd(), r.priorMatch().meanLogPrior(), r.priorMatch().samples());
        if (r.decomposition() != null) {
            var d = r.decomposition();
            System.out.printf("KL decomposition over %d examples, %d samples: index-code MI %.3f, total correlation "
                    + "%.3f, dimension-wise KL %.3f (sum %.3f; average KL %.3f)%n", d.posteriors(), d.samples(),
                    d.mi().nats(), d.tc().nats(), d.dwkl().nats(), d.sum().nats(), d.averageKl());
        }
        if (r.codeLength() != null) {
            var c = r.codeLength();
            System.out.printf("code length     %10.2f bits per image = %.2f bits in z (KL) + %.2f bits in x given z%n",
                    c.bits(), c.bitsInZ(), c.bitsInX());
            System.out.printf("                %10.4f bits/dim     = %.4f in z + %.4f in x given z (%d dims)%n",
                    c.bitsPerDim(), c.bitsPerDimInZ(), c.bitsPerDimInX(), c.dims());
        }
        if (r.iwae() != null) {
            System.out.printf("IWAE (k=%d)     %10.3f nats, NLL %.3f%s%n", r.iwae().k(), r.iwae().logLikelihood(),
                    r.iwae().nll(), bits(r.iwae().bitsPerDim()));
        }
    }

    private static String bits(Double bitsPerDim) {
        return bitsPerDim == null ? "" : String.format(" (%.4f bits/dim)", bitsPerDim);
    }
}
