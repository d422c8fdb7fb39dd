package org.vaelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.vaelab.UserInputException;
import org.vaelab.baseline.FactorGridEncoder;
import org.vaelab.baseline.Representation;
import org.vaelab.data.Dataset;
import org.vaelab.data.DatasetCatalog;
import org.vaelab.data.FactorGrid;
import org.vaelab.data.dsprites.DSprites;
import org.vaelab.metrics.FactorEncoder;
import org.vaelab.metrics.MetricInputs;
import org.vaelab.metrics.MetricName;
import org.vaelab.metrics.MetricSuite;
import org.vaelab.metrics.MetricsReport;
import org.vaelab.metrics.SparsityProtocol;
import org.vaelab.run.Json;
import org.vaelab.workflow.Encoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a representation on ground-truth factors with disentanglement_lib's protocols: "
                + "beta_vae, factor_vae, mig, dci, sap, modularity, sparsity.",
                "  ./vaelab metrics RUN_DIR                       a trained run or a baseline (dsprites), all metrics",
                "  ./vaelab metrics --codes C.npy --factors F.npy arrays from anywhere (array metrics)",
                "  ./vaelab metrics --codes GRID.npy --dataset dsprites   codes of the whole grid, all metrics",
                "Writes metrics.json: every score and the protocol that produced it."})
final class MetricsCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "a run directory to score")
    Path runDir;

    @Option(names = "--only", split = ",", paramLabel = "NAMES", description = "metrics to run (default: all that "
            + "the input allows)")
    List<String> only;

    @Option(names = "--seed", description = "random seed of the protocols (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    long seed;

    @Option(names = "--codes", paramLabel = "CODES.npy", description = "codes [n, d] to score instead of a run")
    Path codes;

    @Option(names = "--factors", paramLabel = "FACTORS.npy", description = "factor indices [n, k] of --codes")
    Path factors;

    @Option(names = "--test-codes", paramLabel = "C2.npy", description = "held-out codes (default: --codes)")
    Path testCodes;

    @Option(names = "--test-factors", paramLabel = "F2.npy", description = "factor indices of --test-codes")
    Path testFactors;

    @Option(names = "--dataset", description = "with --codes: the codes are the whole grid of this dataset, in its "
            + "canonical order (dsprites)")
    String dataset;

    @Option(names = "--out", paramLabel = "FILE.json", description = "where to write (default: RUN_DIR/metrics.json, "
            + "or metrics.json beside --codes)")
    Path out;

    @Option(names = "--threads", description = "libtorch threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() {
        if ((runDir == null) == (codes == null)) {
            throw new UserInputException("give either RUN_DIR or --codes (with --factors or --dataset), not "
                    + (runDir == null ? "neither" : "both"));
        }
        Scoring scoring = runDir != null ? fromRun() : codes != null && dataset != null ? fromGridCodes() : fromArrays();
        List<String> names = only != null ? only : scoring.defaultNames;
        AtomicLong encoded = new AtomicLong();
        MetricsReport report;
        try (Progress progress = new Progress("metrics: images encoded", 0, Long.MAX_VALUE)) {
            MetricInputs inputs = scoring.inputs;
            if (inputs.encoder() != null) {
                FactorEncoder counting = rows -> {
                    float[][] result = scoring.inputs.encoder().encode(rows);
                    progress.stepQuietly(encoded.addAndGet(rows.length));
                    return result;
                };
                inputs = inputs.withGrid(inputs.grid(), counting);
            }
            report = MetricSuite.run(names, inputs, seed);
        }
        Path target = out != null ? out : scoring.defaultOut;
        Json.write(target, report);
        report.results().forEach((name, result) -> result.scores().forEach((key, value) ->
                System.out.printf("%-12s %-32s %.4f%n", name, key, value)));
        System.out.println("wrote " + target);
        return 0;
    }

    private record Scoring(MetricInputs inputs, List<String> defaultNames, Path defaultOut) {
    }

    private Scoring fromRun() {
        if (Representation.isSavedIn(runDir)) {
            return fromBaseline();
        }
        RunOptions options = new RunOptions();
        options.runDir = runDir;
        options.threads = threads;
        RunOptions.Loaded loaded = options.load("train");
        Dataset data = loaded.data();
        if (data.factors().isEmpty() && only != null && only.equals(List.of("sparsity"))) {
            // Sparsity needs codes only, so datasets without factors (Fashion-MNIST) can be scored on it.
            int n = Math.min(SparsityProtocol.DEFAULT.numPoints(), data.size());
            float[][] codes = Encoding.means(loaded.trained().model(), data, IntStream.range(0, n).toArray());
            int[][] noFactors = new int[n][0];
            return new Scoring(MetricInputs.ofArrays(codes, noFactors, codes, noFactors), only,
                    loaded.trained().run().root().resolve("metrics.json"));
        }
        FactorEncoder encoder = Encoding.factorEncoder(loaded.trained().model(), data);
        return new Scoring(MetricInputs.ofGrid(Encoding.requireFactors(data), encoder), allNames(),
                loaded.trained().run().root().resolve("metrics.json"));
    }

    /** A baseline scores on the full grid, encoding the images it is asked for. */
    private Scoring fromBaseline() {
        FactorGridEncoder encoder = new FactorGridEncoder(Representation.load(runDir), new DSprites(), seed);
        return new Scoring(MetricInputs.ofGrid(encoder.grid(), encoder), allNames(), runDir.resolve("metrics.json"));
    }

    private Scoring fromGridCodes() {
        if (factors != null || testCodes != null || testFactors != null) {
            throw new UserInputException("--dataset scores whole-grid codes; drop --factors, --test-codes and "
                    + "--test-factors");
        }
        Dataset data = DatasetCatalog.open(dataset, "train", null, "none");
        FactorGrid grid = Encoding.requireFactors(data);
        float[][] all = NpyArrays.codes(codes);
        if (all.length != data.size()) {
            throw new UserInputException(codes + " has " + all.length + " rows but the " + dataset + " grid has "
                    + data.size() + "; encode it with ./vaelab encode RUN_DIR --split all");
        }
        FactorEncoder lookup = rows -> {
            float[][] result = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                result[i] = all[grid.indexOf(rows[i])];
            }
            return result;
        };
        return new Scoring(MetricInputs.ofGrid(grid, lookup), allNames(), besideCodes());
    }

    private Scoring fromArrays() {
        if (factors == null) {
            throw new UserInputException("--codes needs --factors FACTORS.npy (or --dataset dsprites for whole-grid "
                    + "codes)");
        }
        if ((testCodes == null) != (testFactors == null)) {
            throw new UserInputException("--test-codes and --test-factors go together");
        }
        float[][] trainCodes = NpyArrays.codes(codes);
        int[][] trainFactors = NpyArrays.factors(factors, trainCodes.length, codes);
        float[][] heldOutCodes = testCodes == null ? trainCodes : NpyArrays.codes(testCodes);
        int[][] heldOutFactors = testFactors == null ? trainFactors
                : NpyArrays.factors(testFactors, heldOutCodes.length, testCodes);
        if (heldOutCodes[0].length != trainCodes[0].length) {
            throw new UserInputException(testCodes + " has " + heldOutCodes[0].length + " columns but " + codes
                    + " has " + trainCodes[0].length);
        }
        List<String> arrayNames = new ArrayList<>();
        for (MetricName name : MetricName.values()) {
            if (!name.samplesFromGrid()) {
                arrayNames.add(name.id());
            }
        }
        return new Scoring(MetricInputs.ofArrays(trainCodes, trainFactors, heldOutCodes, heldOutFactors),
                arrayNames, besideCodes());
    }

    private Path besideCodes() {
        Path parent = codes.toAbsolutePath().getParent();
        return parent.resolve("metrics.json");
    }

    private static List<String> allNames() {
        return Arrays.stream(MetricName.values()).map(MetricName::id).toList();
    }
}
