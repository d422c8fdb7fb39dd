package org.vaelab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = "Write interpolations as a PNG grid: each row decodes the straight line between the codes "
                + "(posterior means) of two random test examples.")
final class InterpolateCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    PictureOptions picture;

    @Option(names = "--rows", description = "pairs (default: ${DEFAULT-VALUE})", defaultValue = "6")
    int rows;

    @Option(names = "--cols", description = "points per line, ends included (default: ${DEFAULT-VALUE})",
            defaultValue = "10")
    int cols;

    @Override
    public Integer call() {
        Counts.positive("--rows", rows);
        Counts.positive("--cols", cols);
        RunOptions.Loaded loaded = run.load("test");
        picture.write(PictureOptions.pictures(loaded, run.seed).interpolations(rows, cols), loaded.data().shape());
        return 0;
    }
}
