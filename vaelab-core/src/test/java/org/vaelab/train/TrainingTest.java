package org.vaelab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.TestConfigs;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.DatasetCatalog;
import org.vaelab.run.Checkpoints;
import org.vaelab.run.RunDirectory;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.Engine;
import org.vaelab.workflow.Training;

class TrainingTest {
    private static final Dataset PINWHEEL = DatasetCatalog.open("pinwheel", "train", null, "none");

    @TempDir
    Path dir;

    @Test
    void aTinyVaeLearnsPinwheel() throws IOException {
        Engine.threads(1);
        List<StepRecord> records = new ArrayList<>();
        Training training = Training.start(new RunDirectory(dir.resolve("run")), TestConfigs.mlp("vae", "gaussian", 2,
                400), PINWHEEL);
        training.run(List.of(collect(records)));
        double early = meanLoss(records.subList(0, 20));
        double late = meanLoss(records.subList(records.size() - 20, records.size()));
        // The initial model predicts ~N(0,1) for data of scale ~5: several nats per point must go.
        assertThat(late).isLessThan(early - 3);
        assertThat(Files.readAllLines(dir.resolve("run/metrics.jsonl"))).hasSizeGreaterThan(40);
        assertThat(new Checkpoints(new RunDirectory(dir.resolve("run"))).latestStep()).hasValue(400);
    }

    @Test
    void resumingContinuesTheExactSameTrace() throws IOException {
        Engine.threads(1);
        TrainConfig full = TestConfigs.mlp("beta-vae", "gaussian", 2, 60);
        Training.start(new RunDirectory(dir.resolve("straight")), full, PINWHEEL).run(List.of());

        TrainConfig firstHalf = TestConfigs.mlp("beta-vae", "gaussian", 2, 40);
        RunDirectory interrupted = new RunDirectory(dir.resolve("interrupted"));
        Training.start(interrupted, firstHalf, PINWHEEL).run(List.of());
        Training resumed = Training.resume(interrupted, 60, null, PINWHEEL);
        assertThat(resumed.startStep()).isEqualTo(40);
        resumed.run(List.of());

        assertThat(Files.readAllLines(dir.resolve("interrupted/metrics.jsonl")))
                .containsExactlyElementsOf(Files.readAllLines(dir.resolve("straight/metrics.jsonl")));
        assertThat(Files.readAllBytes(dir.resolve("interrupted/checkpoints/step-000000060/model.pt")))
                .isEqualTo(Files.readAllBytes(dir.resolve("straight/checkpoints/step-000000060/model.pt")));
    }

    @Test
    void anExistingRunIsNeverOverwritten() {
        Engine.threads(1);
        RunDirectory run = new RunDirectory(dir.resolve("taken"));
        Training.start(run, TestConfigs.mlp("vae", "gaussian", 2, 5), PINWHEEL).run(List.of());
        assertThatThrownBy(() -> Training.start(run, TestConfigs.mlp("vae", "gaussian", 2, 5), PINWHEEL))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--resume");
    }

    @Test
    void aDivergingRunStopsNamingTheStepAndTermAndKeepsTheLastGoodCheckpoint() throws IOException {
        Engine.threads(1);
        // A learning rate this large sends the Gaussian log-variance to infinity within a few dozen steps.
        TrainConfig explosive = new TrainConfig("vae", "pinwheel", null, "none", 2, "mlp", List.of(32), "relu",
                "gaussian", null, 1, 100, 5, 1, 0, "mss", "gaussian", "iso", 1, null, 2, 4, 0.8, "kl-inc", 10, 3, 2, "gaussian", 8, 0.0, 0L, null, 2000, null, 32, 1e6, 1, 1, 1, 1, 1, null);
        RunDirectory run = new RunDirectory(dir.resolve("boom"));
        Training training = Training.start(run, explosive, PINWHEEL);
        assertThatThrownBy(() -> training.run(List.of()))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.getMessage()).contains("step " + e.step()).contains(e.term());
                    assertThat(new Checkpoints(run).latestStep()).hasValue(e.step() - 1);
                });
    }

    private static TrainingListener collect(List<StepRecord> records) {
        return new TrainingListener() {
            @Override
            public void onStep(StepRecord record) {
                records.add(record);
            }
        };
    }

    private static double meanLoss(List<StepRecord> records) {
        return records.stream().mapToDouble(StepRecord::loss).average().orElseThrow();
    }
}
