package org.vaelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaelab.UserInputException;
import org.vaelab.baseline.Baselines;
import org.vaelab.baseline.Representation;
import org.vaelab.data.DatasetCatalog;
import org.vaelab.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a non-VAE representation for the metrics to score: pca (top principal components), "
                + "ica (FastICA with sklearn's defaults) or raw (the pixels themselves).",
                "Then: ./vaelab metrics OUT_DIR. For an untrained VAE use ./vaelab train --steps 0."})
final class BaselineCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "pca, ica or raw")
    String kind;

    @Option(names = "--dataset", description = "images to fit on (default: ${DEFAULT-VALUE})", defaultValue = "dsprites")
    String dataset;

    @Option(names = "--latent", description = "components (pca, ica; default: ${DEFAULT-VALUE})", defaultValue = "10")
    int latent;

    @Option(names = "--samples", description = "images sampled to fit on (default: ${DEFAULT-VALUE})",
            defaultValue = "10000")
    int samples;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "0")
    long seed;

    @Option(names = "--data-dir", description = "directory searched first for dataset files")
    Path dataDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write the baseline to")
    Path out;

    @Override
    public Integer call() {
        if (Representation.isSavedIn(out) || Files.exists(new RunDirectory(out).config())) {
            throw new UserInputException(out + " already holds a baseline or a run; choose another --out");
        }
        Counts.positive("--samples", samples);
        Representation representation = Baselines.fit(kind, DatasetCatalog.open(dataset, "train", dataDir, "none"),
                latent, seed, samples);
        representation.save(out);
        System.out.println("wrote " + representation.name() + " (" + representation.dim() + " dims) to " + out
                + " (next: ./vaelab metrics " + out + ")");
        return 0;
    }
}
