package org.vaelab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.data.DatasetCatalog;
import org.vaelab.run.RunDirectory;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.Engine;
import org.vaelab.workflow.Training;

/** Every step's tensors must be freed: resident memory stays flat over hundreds of steps. */
class NativeMemoryTest {
    @TempDir
    Path dir;

    @Test
    void residentMemoryDoesNotGrowOver300Steps() throws IOException {
        Engine.threads(1);
        // MNIST-sized MLP steps allocate ~2 MB of tensors each: a leak would add hundreds of MB over 300 steps.
        TrainConfig config = new TrainConfig("vae", "dsprites", null, "none", 10, "mlp", List.of(256), "relu",
                "bernoulli", null, 1, 100, 5, 1, 0, "mss", "gaussian", "iso", 1, null, 2, 4, 0.8, "kl-inc", 10, 3, 2, "gaussian", 8, 0.0, 0L, null, 350, null, 32, 1e-3, 1, 1, 50, 50, 1000, null);
        long[] rss = new long[2];
        Training training = Training.start(new RunDirectory(dir.resolve("run")), config,
                DatasetCatalog.open("dsprites", "train", null, "none"));
        training.run(List.of(new TrainingListener() {
            @Override
            public void onStep(StepRecord record) {
                if (record.step() == 50) {
                    rss[0] = residentBytes();
                } else if (record.step() == 350) {
                    rss[1] = residentBytes();
                }
            }
        }));
        long growth = rss[1] - rss[0];
        assertThat(growth).as("RSS growth over 300 steps, bytes").isLessThan(40L << 20);
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
