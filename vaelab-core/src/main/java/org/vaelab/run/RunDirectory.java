package org.vaelab.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vaelab.UserInputException;

/**
 * The layout of a run directory: config.json (hyperparameters and provenance), metrics.jsonl (the training
 * trace), checkpoints/ and, after evaluation, eval.json.
 */
public record RunDirectory(Path root) {

    public Path config() {
        return root.resolve("config.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path eval() {
        return root.resolve("eval.json");
    }

    /** Opens an existing run, failing with a clear message when {@code root} is not one. */
    public static RunDirectory existing(Path root) {
        RunDirectory run = new RunDirectory(root);
        if (!Files.isRegularFile(run.config())) {
            throw new UserInputException(root + " is not a run directory (no config.json); pass the --out directory "
                    + "of a ./vaelab train run");
        }
        return run;
    }

    /** Creates a fresh run directory; refuses one that already holds a run, so nothing is overwritten. */
    public static RunDirectory create(Path root) {
        RunDirectory run = requireFree(root);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UserInputException("cannot create run directory " + root + ": " + e.getMessage());
        }
        return run;
    }

    /** Fails when {@code root} already holds a run, which must never be overwritten. */
    public static RunDirectory requireFree(Path root) {
        RunDirectory run = new RunDirectory(root);
        if (Files.exists(run.config()) || Files.exists(run.checkpoints())) {
            throw new UserInputException(root + " already holds a run; add --resume to continue it, or choose "
                    + "another --out");
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UserInputException(root + " is a file, not a directory; choose another --out");
        }
        return run;
    }

    public RunConfig readConfig() {
        return Json.read(config(), RunConfig.class);
    }

    public void writeConfig(RunConfig config) {
        Json.write(config(), config);
    }

}
