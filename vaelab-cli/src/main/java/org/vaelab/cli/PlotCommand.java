package org.vaelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaelab.cli.plot.TrainingCurves;
import org.vaelab.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a run's training curves (loss, reconstruction, KL and the capacity target C) as a PNG.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory written by ./vaelab train")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the PNG file to write")
    Path out;

    @Override
    public Integer call() {
        RunDirectory run = RunDirectory.existing(runDir);
        try {
            TrainingCurves.plot(run.metrics(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot plot " + run.metrics(), e);
        }
        System.out.println("wrote " + out);
        return 0;
    }
}
