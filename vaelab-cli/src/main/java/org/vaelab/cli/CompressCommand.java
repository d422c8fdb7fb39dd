package org.vaelab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compress", mixinStandardHelpOptions = true,
        description = {"Lossy compression as in the VLAE paper: random test images (odd rows) above their "
                + "\"decompressed\" versions (even rows), each drawn from p(x | z) at the image's posterior mean z. "
                + "An autoregressive decoder (vlae) draws pixel by pixel: z keeps the global shape, the decoder "
                + "invents the local detail. Use ./vaelab eval --code-length for the bits each part costs."})
final class CompressCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    PictureOptions picture;

    @Option(names = "--count", description = "images to show (default: ${DEFAULT-VALUE})", defaultValue = "16")
    int count;

    @Option(names = "--cols", description = "images per row (default: ${DEFAULT-VALUE})", defaultValue = "8")
    int cols;

    @Override
    public Integer call() {
        Counts.positive("--count", count);
        Counts.positive("--cols", cols);
        RunOptions.Loaded loaded = run.load("test");
        picture.write(PictureOptions.pictures(loaded, run.seed).compressions(count, cols),
                loaded.data().observedShape());
        return 0;
    }
}
