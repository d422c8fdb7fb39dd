package org.vaelab.cli;

import java.util.concurrent.Callable;
import org.vaelab.explore.ConditionalPictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "conditional", mixinStandardHelpOptions = true,
        description = {"For a class-conditional run (--model cvae), two grids in one PNG, a blank row between: "
                + "first \"hold y fixed, vary z\" (row c: class c from different z), then \"hold z fixed, vary y\" "
                + "(row r: one z under every class, class c in column c)."})
final class ConditionalCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    PictureOptions picture;

    @Option(names = "--draws", description = "z draws: columns of the first grid, rows of the second (default: "
            + "${DEFAULT-VALUE})", defaultValue = "10")
    int draws;

    @Override
    public Integer call() {
        Counts.positive("--draws", draws);
        RunOptions.Loaded loaded = run.load("test");
        // ConditionalPictures refuses a model without a class-conditional prior, naming --model cvae.
        ConditionalPictures pictures = new ConditionalPictures(loaded.trained().model(),
                loaded.data().observedShape().size(), run.seed);
        float[][][] byClass = pictures.byClass(draws);
        float[][][] byStyle = pictures.byStyle(draws);
        float[][][] both = new float[byClass.length + 1 + byStyle.length][][];
        System.arraycopy(byClass, 0, both, 0, byClass.length);
        both[byClass.length] = new float[0][];
        System.arraycopy(byStyle, 0, both, byClass.length + 1, byStyle.length);
        picture.write(both, loaded.data().observedShape());
        return 0;
    }
}
