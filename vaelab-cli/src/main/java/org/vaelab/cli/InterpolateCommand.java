package org.vaelab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = "Write interpolations as a PNG grid: each row decodes the straight line between the codes "
                + "(posterior means) of two random test examples, ends included.")
final class InterpolateCommand implements Callable<Integer> {
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
        picture.write(PictureOptions.pictures(loaded, run.seed).interpolations(size.rows, size.cols),
                loaded.data().observedShape());
        return 0;
    }
}
