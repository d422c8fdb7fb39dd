package org.vaelab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Write random test examples (odd rows) above their reconstructions (even rows) as a PNG grid.")
final class ReconstructCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    PictureOptions picture;

    @Option(names = "--count", description = "examples to show (default: ${DEFAULT-VALUE})", defaultValue = "32")
    int count;

    @Option(names = "--cols", description = "examples per row (default: ${DEFAULT-VALUE})", defaultValue = "8")
    int cols;

    @Override
    public Integer call() {
        Counts.positive("--count", count);
        Counts.positive("--cols", cols);
        RunOptions.Loaded loaded = run.load("test");
        picture.write(PictureOptions.pictures(loaded, run.seed).reconstructions(count, cols), loaded.data().observedShape());
        return 0;
    }
}
