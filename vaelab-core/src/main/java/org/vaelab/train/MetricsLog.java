package org.vaelab.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaelab.run.Json;

/**
 * Appends one JSON object per logged step to metrics.jsonl: step, loss, every term, and klPerDim when it was
 * computed. On resume, lines past the checkpoint's step are dropped first so the file is one clean trace.
 */
public final class MetricsLog implements TrainingListener, AutoCloseable {
    private final Path file;
    private final int every;
    private long totalSteps;
    private BufferedWriter out;

    public MetricsLog(Path file, int every) {
        this.file = file;
        this.every = every;
    }

    @Override
    public void onStart(long startStep, long totalSteps) {
        this.totalSteps = totalSteps;
        try {
            truncateAfter(startStep);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    @Override
    public void onStep(StepRecord record) {
        boolean due = record.step() % every == 0 || record.step() == 1 || record.step() == totalSteps
                || record.klPerDimension() != null;
        if (!due) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", record.step());
        line.put("loss", record.loss());
        line.putAll(record.terms());
        if (record.klPerDimension() != null) {
            line.put("klPerDim", record.klPerDimension());
        }
        try {
            out.write(Json.line(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void onEnd(long completedSteps) {
        close();
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                out = null;
            }
        }
    }

    private void truncateAfter(long step) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                if (Json.MAPPER.readTree(line).path("step").asLong(Long.MAX_VALUE) <= step) {
                    kept.add(line);
                }
            } catch (IOException e) {
                // a line cut short by a crash: drop it
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
    }
}
