package org.vaelab.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.vaelab.UserInputException;
import org.vaelab.tensor.Adam;
import org.vaelab.tensor.ParameterSet;

/**
 * The checkpoints of a run: checkpoints/step-NNNNNNNN/ holds model.pt and optimizer.pt, and the text file
 * checkpoints/latest names the newest complete one. A checkpoint is written into a hidden directory, every file
 * fsynced, then renamed into place, and only then named in latest: a crash leaves the previous one intact.
 * Random state needs no saving (see org.vaelab.train.StepSeeds).
 */
public final class Checkpoints {
    private static final String LATEST = "latest";
    private static final int KEEP = 2;

    private final Path dir;

    public Checkpoints(RunDirectory run) {
        this.dir = run.checkpoints();
    }

    public void save(long step, ParameterSet parameters, Adam optimizer) {
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".writing-");
            parameters.save(staging.resolve("model.pt"));
            optimizer.save(staging.resolve("optimizer.pt"));
            AtomicFiles.fsync(staging.resolve("model.pt"));
            AtomicFiles.fsync(staging.resolve("optimizer.pt"));
            Path target = dir.resolve(name(step));
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.fsync(dir);
            AtomicFiles.write(dir.resolve(LATEST), name(step).getBytes(StandardCharsets.UTF_8));
            pruneOlderThan(step);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint at step " + step + " in " + dir, e);
        }
    }

    /** The step of the newest complete checkpoint, if any. */
    public OptionalLong latestStep() {
        Path latest = dir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) {
            return OptionalLong.empty();
        }
        try {
            String name = Files.readString(latest, StandardCharsets.UTF_8).trim();
            return OptionalLong.of(Long.parseLong(name.substring("step-".length())));
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(latest + " is damaged; delete it to fall back to no checkpoint, or start a "
                    + "new run");
        }
    }

    public long requireLatestStep() {
        return latestStep().orElseThrow(() -> new UserInputException("no checkpoint in " + dir
                + "; train the run first (./vaelab train --out ...)"));
    }

    /** Loads the model parameters of checkpoint {@code step}. */
    public void loadModel(long step, ParameterSet parameters) {
        Path file = dir.resolve(name(step)).resolve("model.pt");
        try {
            parameters.load(file);
        } catch (RuntimeException e) {
            throw new UserInputException("checkpoint " + file + " does not fit this model (" + firstLine(e) + "); "
                    + "was config.json edited, or the checkpoint copied from another run?");
        }
    }

    /** Loads the model and optimizer state of checkpoint {@code step}, for resuming. */
    public void load(long step, ParameterSet parameters, Adam optimizer) {
        loadModel(step, parameters);
        Path file = dir.resolve(name(step)).resolve("optimizer.pt");
        try {
            optimizer.load(file);
        } catch (RuntimeException e) {
            throw new UserInputException("optimizer state " + file + " does not fit this model (" + firstLine(e)
                    + ")");
        }
    }

    private void pruneOlderThan(long step) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> p.getFileName().toString().startsWith("step-"))
                    .filter(p -> !p.getFileName().toString().equals(name(step)))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .skip(KEEP - 1)
                    .forEach(Checkpoints::deleteTreeUnchecked);
        }
    }

    private static String name(long step) {
        return String.format("step-%09d", step);
    }

    private static String firstLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void deleteTreeUnchecked(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
