package org.vaelab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.explore.LatentDensity;
import org.vaelab.explore.Pictures;
import org.vaelab.run.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "latent-density", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Picture the latent space. For 2-d latents: the aggregate posterior's density (left, a "
                + "histogram of z ~ q(z|x)) next to the prior's (right), over [-range, range]^2, as in Mathieu et "
                + "al. 2019, Figure 3. For more dimensions: a scatter of the posterior means in the two dimensions "
                + "with the largest KL."})
final class LatentDensityCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    PictureOptions picture;

    @Option(names = "--mode", description = "auto, density (2-d latents only) or scatter (default: ${DEFAULT-VALUE})",
            defaultValue = "auto")
    String mode;

    @Option(names = "--range", description = "half-width of the plotted square (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    double range;

    @Option(names = "--samples", description = "codes drawn (default: ${DEFAULT-VALUE})", defaultValue = "5000")
    int samples;

    private static final int BINS = 64;

    @Override
    public Integer call() {
        if (!(range > 0)) {
            throw new UserInputException("--range must be > 0, got " + range);
        }
        Counts.positive("--samples", samples);
        if (!mode.equals("auto") && !mode.equals("density") && !mode.equals("scatter")) {
            throw new UserInputException("unknown --mode '" + mode + "'; choose auto, density or scatter");
        }
        RunOptions.Loaded loaded = run.load("train");
        int d = loaded.trained().model().latentDim();
        if (mode.equals("density") && d != 2) {
            throw new UserInputException("a 2-d density plot needs a 2-d latent space, but this model has " + d
                    + " dimensions; use --mode scatter");
        }
        LatentDensity density = new LatentDensity(loaded.trained().model(), loaded.data(), run.seed);
        if (d == 2 && !mode.equals("scatter")) {
            float[][] panels = {density.aggregatePosterior(0, 1, BINS, range, samples), density.prior(BINS, range)};
            picture.write(new float[][][] {panels}, new Dataset.Shape(1, BINS, BINS));
        } else {
            scatter(density, new Pictures(loaded.trained().model(), loaded.data(), run.seed));
        }
        return 0;
    }

    private void scatter(LatentDensity density, Pictures pictures) {
        int[] order = Pictures.dimensionsByKl(pictures.klPerDimension(Math.min(500, samples)));
        int a = order[0];
        int b = order.length > 1 ? order[1] : order[0];
        float[][] codes = density.codes(samples, false);
        double[] xs = new double[codes.length];
        double[] ys = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            xs[i] = codes[i][a];
            ys[i] = codes[i][b];
        }
        XYChart chart = new XYChartBuilder().width(600).height(600).title("posterior means")
                .xAxisTitle("z" + a + " (largest KL)").yAxisTitle("z" + b + " (second largest KL)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(3);
        chart.addSeries("codes", xs, ys);
        try {
            AtomicFiles.write(picture.out, temporary -> {
                try (OutputStream stream = Files.newOutputStream(temporary)) {
                    BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + picture.out, e);
        }
        System.out.println("wrote " + picture.out);
    }
}
