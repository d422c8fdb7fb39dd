package org.vaelab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write decoded samples from the prior as a PNG grid (images show the likelihood's mean).")
final class SampleCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    PictureOptions picture;

    @Option(names = "--rows", description = "rows (default: ${DEFAULT-VALUE})", defaultValue = "8")
    int rows;

    @Option(names = "--cols", description = "columns (default: ${DEFAULT-VALUE})", defaultValue = "8")
    int cols;

    @Override
    public Integer call() {
        Counts.positive("--rows", rows);
        Counts.positive("--cols", cols);
        RunOptions.Loaded loaded = run.load("test");
        picture.write(PictureOptions.pictures(loaded, run.seed).samples(rows, cols), loaded.data().shape());
        return 0;
    }
}
