package org.vaelab.cli;

import java.nio.file.Path;
import org.vaelab.data.Dataset;
import org.vaelab.run.RunDirectory;
import org.vaelab.run.TrainConfig;
import org.vaelab.workflow.RunData;
import org.vaelab.workflow.TrainedModel;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads a trained run shares. */
final class RunOptions {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory written by ./vaelab train")
    Path runDir;

    @Option(names = "--data-dir", description = "directory searched first for dataset files (default: as in training)")
    Path dataDir;

    @Option(names = "--threads", description = "libtorch threads (default: all cores)")
    Integer threads;

    @Option(names = "--seed", description = "random seed for sampling (default: ${DEFAULT-VALUE})", defaultValue = "0")
    long seed;

    /** The run's model at its latest checkpoint, with the data split it is shown or scored on. */
    record Loaded(TrainedModel trained, Dataset data) {
    }

    Loaded load(String split) {
        RunDirectory run = RunDirectory.existing(runDir);
        Dataset data = data(split);
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new Loaded(TrainedModel.load(run, data.shape(), t), data);
    }

    /** The run's dataset, {@code split}, found as in training unless --data-dir says otherwise. */
    Dataset data(String split) {
        TrainConfig config = RunDirectory.existing(runDir).readConfig().config();
        Path dir = dataDir != null ? dataDir : config.dataDir() == null ? null : Path.of(config.dataDir());
        return RunData.open(config, split, dir);
    }
}
