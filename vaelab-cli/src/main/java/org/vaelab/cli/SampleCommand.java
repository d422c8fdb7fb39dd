package org.vaelab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write decoded samples from the prior as a PNG grid (images show the likelihood's mean).")
final class SampleCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    PictureOptions picture;

    @Mixin
    GridOptions grid;

    @Override
    public Integer call() {
        GridOptions size = grid.validated();
        RunOptions.Loaded loaded = run.load("test");
        picture.write(PictureOptions.pictures(loaded, run.seed).samples(size.rows, size.cols), loaded.data().observedShape());
        return 0;
    }
}
