package org.vaelab.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.vaelab.eval.Evaluator;
import org.vaelab.explore.Pictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "traverse", mixinStandardHelpOptions = true,
        description = {"Write latent traversals as a PNG grid: one row per latent dimension, sorted by KL "
                + "(largest first), moving it from -limit to +limit around one test example's code."})
final class TraverseCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    PictureOptions picture;

    @Option(names = "--cols", description = "values per dimension (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int cols;

    @Option(names = "--limit", description = "largest |value| (default: ${DEFAULT-VALUE})", defaultValue = "3")
    double limit;

    @Option(names = "--active-only", description = "only the dimensions whose mean KL exceeds 0.01 nats")
    boolean activeOnly;

    @Override
    public Integer call() {
        Counts.positive("--cols", cols);
        if (!(limit > 0)) {
            throw new org.vaelab.UserInputException("--limit must be > 0, got " + limit);
        }
        RunOptions.Loaded loaded = run.load("test");
        Pictures pictures = PictureOptions.pictures(loaded, run.seed);
        double[] kl = pictures.klPerDimension(Math.min(500, loaded.data().size()));
        int[] dims = Arrays.stream(Pictures.dimensionsByKl(kl))
                .filter(j -> !activeOnly || kl[j] > Evaluator.ACTIVE_UNIT_THRESHOLD).toArray();
        if (dims.length == 0) {
            throw new org.vaelab.UserInputException("no latent dimension is active (KL > "
                    + Evaluator.ACTIVE_UNIT_THRESHOLD + " nats); drop --active-only to see them all");
        }
        picture.write(pictures.traversal(dims, cols, limit), loaded.data().observedShape());
        return 0;
    }
}
