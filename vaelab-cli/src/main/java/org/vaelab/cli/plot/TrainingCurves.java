package org.vaelab.cli.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.vaelab.UserInputException;
import org.vaelab.run.AtomicFiles;

/**
 * Plots a run's metrics.jsonl as a PNG of three stacked panels sharing the step axis: total loss;
 * reconstruction term (distortion); KL term (rate) together with the capacity target C when the run logged one.
 */
public final class TrainingCurves {

    public static final int DEFAULT_WIDTH = 900;
    public static final int DEFAULT_PANEL_HEIGHT = 300;
    private static final int PANELS = 3;

    static {
        // Plots are drawn off-screen; without this a set but unreachable DISPLAY would break AWT start-up.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Training can diverge to NaN or Infinity; accept those tokens rather than dropping the whole line. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private TrainingCurves() {
    }

    /** The logged values by step; a step logged twice (a resumed run) keeps its last value. */
    record Curves(SortedMap<Long, Double> loss, SortedMap<Long, Double> recon, SortedMap<Long, Double> kl,
            SortedMap<Long, Double> capacity) {
    }

    /** Plots at {@link #DEFAULT_WIDTH} by three panels of {@link #DEFAULT_PANEL_HEIGHT}. */
    public static void plot(Path metricsJsonl, Path png) throws IOException {
        plot(metricsJsonl, png, DEFAULT_WIDTH, DEFAULT_PANEL_HEIGHT);
    }

    /**
     * Writes a {@code width} by {@code 3 * panelHeight} PNG atomically, creating parent directories.
     *
     * @throws UserInputException if the metrics file is missing or has no logged steps
     */
    public static void plot(Path metricsJsonl, Path png, int width, int panelHeight) throws IOException {
        if (width < 1 || panelHeight < 1) {
            throw new IllegalArgumentException("plot size must be positive: " + width + "x" + panelHeight);
        }
        Curves curves = read(metricsJsonl);
        List<XYChart> panels = List.of(
                panel("loss", width, panelHeight, List.of(Map.entry("loss", curves.loss()))),
                panel("reconstruction (distortion)", width, panelHeight, List.of(Map.entry("recon", curves.recon()))),
                panel("KL (rate)", width, panelHeight, curves.capacity().isEmpty()
                        ? List.of(Map.entry("KL", curves.kl()))
                        : List.of(Map.entry("KL", curves.kl()), Map.entry("capacity C", curves.capacity()))));
        alignStepAxes(panels, curves);
        BufferedImage image = new BufferedImage(width, PANELS * panelHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            for (int i = 0; i < panels.size(); i++) {
                graphics.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)), 0, i * panelHeight, null);
            }
        } finally {
            graphics.dispose();
        }
        writeAtomically(image, png);
    }

    /**
     * Reads the loss terms by step, skipping lines that are not JSON objects with an integer step (such as a
     * last line still being written) and values that are missing or not finite.
     *
     * @throws UserInputException if the file is missing or has no logged steps
     */
    static Curves read(Path metricsJsonl) throws IOException {
        if (!Files.isRegularFile(metricsJsonl)) {
            throw new UserInputException("no such file: " + metricsJsonl);
        }
        Curves curves = new Curves(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        boolean anyStep = false;
        try (BufferedReader lines = Files.newBufferedReader(metricsJsonl, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode record = parse(line);
                JsonNode step = record == null ? null : record.get("step");
                if (step == null || !step.isIntegralNumber() || !step.canConvertToLong()) {
                    continue;
                }
                anyStep = true;
                long at = step.longValue();
                put(curves.loss(), at, record.get("loss"));
                put(curves.recon(), at, record.get("recon"));
                put(curves.kl(), at, record.get("kl"));
                put(curves.capacity(), at, record.get("capacity"));
            }
        }
        if (!anyStep) {
            throw new UserInputException("no logged steps in " + metricsJsonl);
        }
        return curves;
    }

    /** The line as a JSON object, or null if it is anything else. */
    private static JsonNode parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException partialOrForeign) {
            return null;
        }
    }

    private static void put(SortedMap<Long, Double> series, long step, JsonNode value) {
        if (value != null && value.isNumber() && Double.isFinite(value.doubleValue())) {
            series.put(step, value.doubleValue());
        }
    }

    private static XYChart panel(String title, int width, int height,
            List<Map.Entry<String, SortedMap<Long, Double>>> series) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("step").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        // KL tracks a rising capacity target, so the lower right is the emptiest corner.
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setLegendVisible(series.size() > 1);
        for (Map.Entry<String, SortedMap<Long, Double>> named : series) {
            if (!named.getValue().isEmpty()) {
                addSeries(chart, named.getKey(), named.getValue());
            }
        }
        return chart;
    }

    /** The same step range on every panel, so the three read as one timeline. */
    private static void alignStepAxes(List<XYChart> panels, Curves curves) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (SortedMap<Long, Double> series : List.of(curves.loss(), curves.recon(), curves.kl(), curves.capacity())) {
            if (!series.isEmpty()) {
                first = Math.min(first, series.firstKey());
                last = Math.max(last, series.lastKey());
            }
        }
        if (first < last) {
            for (XYChart panel : panels) {
                panel.getStyler().setXAxisMin((double) first);
                panel.getStyler().setXAxisMax((double) last);
            }
        }
    }

    private static void addSeries(XYChart chart, String name, SortedMap<Long, Double> values) {
        double[] steps = new double[values.size()];
        double[] ys = new double[values.size()];
        int i = 0;
        for (Map.Entry<Long, Double> entry : values.entrySet()) {
            steps[i] = entry.getKey();
            ys[i] = entry.getValue();
            i++;
        }
        XYSeries series = chart.addSeries(name, steps, ys);
        // A lone point has no line to draw, so it needs a marker to be seen.
        series.setMarker(values.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    private static void writeAtomically(BufferedImage image, Path png) throws IOException {
        AtomicFiles.write(png, temporary -> {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer available in this JVM");
            }
        });
    }
}
