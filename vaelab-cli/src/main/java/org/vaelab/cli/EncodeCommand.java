package org.vaelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.DatasetCatalog;
import org.vaelab.data.ExternalData;
import org.vaelab.run.RunDirectory;
import org.vaelab.run.TrainConfig;
import org.vaelab.workflow.Encoding;
import org.vaelab.workflow.RunData;
import org.vaelab.workflow.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the posterior means of a dataset as float32 [n, d] in NumPy's .npy format.",
                "For dsprites, --split all is the whole 737,280-image grid in its canonical order (shape, scale, "
                        + "orientation, posX, posY; posY fastest)."})
final class EncodeCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--dataset", description = "a built-in dataset (default: the run's)")
    String dataset;

    @Option(names = "--input", paramLabel = "FILE.npy|DIR", description = "your own data instead: an .npy array "
            + "[n, D] or [n, H, W] (floats in [0, 1], or uint8), or a folder of PNG/JPEG images of the run's size")
    Path input;

    @Option(names = "--split", description = "train, test or all (default: ${DEFAULT-VALUE})", defaultValue = "test")
    String split;

    @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "where to write the means")
    Path out;

    @Option(names = "--with-logvar", description = "also write the posterior log-variances to FILE-logvar.npy")
    boolean withLogVar;

    @Option(names = "--factors", paramLabel = "FILE.npy", description = "also write the ground-truth factor "
            + "indices as int32 [n, k] (datasets that have them)")
    Path factors;

    @Override
    public Integer call() {
        if (input != null && dataset != null) {
            throw new UserInputException("give --dataset or --input, not both");
        }
        RunDirectory runDirectory = RunDirectory.existing(run.runDir);
        TrainConfig config = runDirectory.readConfig().config();
        Dataset data = RunData.forModel(config.model(), input != null ? ExternalData.open(input) : open(config));
        Dataset.Shape trainedOn = DatasetCatalog.shapeOf(config.dataset());
        if (data.observedShape().size() != trainedOn.size()) {
            throw new UserInputException(data.name() + " has " + data.observedShape().size()
                    + " values per example but the run was "
                    + "trained on " + config.dataset() + " (" + trainedOn.channels() + "x" + trainedOn.height() + "x"
                    + trainedOn.width() + ")");
        }
        TrainedModel trained = TrainedModel.load(runDirectory, data.shape(), run.threads != null ? run.threads
                : Runtime.getRuntime().availableProcessors());
        Path logVars = withLogVar ? sibling(out, "-logvar") : null;
        try (Progress progress = new Progress("encode", 0, data.size())) {
            Encoding.toNpy(trained.model(), data, out, logVars, factors, done -> progress.step(done, ""));
        }
        System.out.println("wrote " + out + " (" + data.size() + " x " + trained.model().latentDim() + ")"
                + (logVars != null ? " and " + logVars : "") + (factors != null ? " and " + factors : ""));
        return 0;
    }

    private Dataset open(TrainConfig config) {
        String name = dataset != null ? dataset : config.dataset();
        Path dir = run.dataDir != null ? run.dataDir : config.dataDir() == null ? null : Path.of(config.dataDir());
        String binarize = DatasetCatalog.isGreyLevel(name) ? config.binarize() : "none";
        return DatasetCatalog.open(name, split, dir, binarize);
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(stem + suffix + ".npy");
    }
}
