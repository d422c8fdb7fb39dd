package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in one line on stderr naming the problem, exit code 2, and nothing written. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void unknownModel() {
        assertUsageError(CliRunner.run("train", "--model", "gan", "--out", out()), "gan", "vae");
    }

    @Test
    void unknownDataset() {
        assertUsageError(CliRunner.run("train", "--dataset", "cifar", "--out", out()), "cifar", "dsprites");
    }

    @Test
    void negativeBeta() {
        assertUsageError(CliRunner.run("train", "--beta", "-1", "--out", out()), "--beta");
    }

    @Test
    void zeroLatents() {
        assertUsageError(CliRunner.run("train", "--latent", "0", "--out", out()), "--latent");
    }

    @Test
    void unknownOption() {
        assertUsageError(CliRunner.run("train", "--colour", "red"), "--colour");
    }

    @Test
    void notANumber() {
        assertUsageError(CliRunner.run("train", "--steps", "many"), "--steps");
    }

    @Test
    void stepsAndEpochsTogether() {
        assertUsageError(CliRunner.run("train", "--steps", "3", "--epochs", "1"), "--steps", "--epochs");
    }

    @Test
    void existingRunWithoutResumeIsNotOverwritten() throws IOException {
        Path run = dir.resolve("run");
        assertThat(CliRunner.run("train", "--dataset", "pinwheel", "--steps", "2", "--threads", "1", "--out",
                run.toString()).exitCode()).isZero();
        byte[] config = Files.readAllBytes(run.resolve("config.json"));
        assertUsageError(CliRunner.run("train", "--dataset", "pinwheel", "--steps", "2", "--out", run.toString()),
                "--resume");
        assertThat(Files.readAllBytes(run.resolve("config.json"))).isEqualTo(config);
    }

    @Test
    void corruptDataFile() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.write(data.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
        Files.write(data.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 7});
        CliRunner.Result r = CliRunner.run("train", "--dataset", "mnist", "--data-dir", data.toString(), "--out", out());
        assertUsageError(r, "train-images-idx3-ubyte");
    }

    @Test
    void aCheckpointFromAnotherModelIsRefused() throws IOException {
        Path small = dir.resolve("small");
        Path large = dir.resolve("large");
        for (Path run : new Path[] {small, large}) {
            String latent = run == small ? "2" : "3";
            assertThat(CliRunner.run("train", "--dataset", "pinwheel", "--latent", latent, "--steps", "2", "--threads",
                    "1", "--out", run.toString()).exitCode()).isZero();
        }
        Path checkpoint = Path.of("checkpoints", "step-000000002", "model.pt");
        Files.copy(small.resolve(checkpoint), large.resolve(checkpoint), StandardCopyOption.REPLACE_EXISTING);
        assertUsageError(CliRunner.run("eval", large.toString(), "--threads", "1"), "does not fit this model");
    }

    @Test
    void evalOfADirectoryThatIsNotARun() {
        assertUsageError(CliRunner.run("eval", dir.toString()), "not a run directory");
    }

    @Test
    void iwaeOutOfRange() {
        assertUsageError(CliRunner.run("eval", dir.toString(), "--iwae", "6000"), "--iwae");
    }

    @Test
    void picturesOfPointDataAreRefused() {
        Path run = dir.resolve("points");
        assertThat(CliRunner.run("train", "--dataset", "pinwheel", "--steps", "2", "--threads", "1", "--out",
                run.toString()).exitCode()).isZero();
        assertUsageError(CliRunner.run("sample", run.toString(), "--out", dir.resolve("s.png").toString()),
                "not images");
        assertThat(dir.resolve("s.png")).doesNotExist();
    }

    @Test
    void divergingTrainingExitsWithCode3() {
        CliRunner.Result r = CliRunner.run("train", "--dataset", "pinwheel", "--model", "vae", "--lr", "1e6",
                "--steps", "2000", "--threads", "1", "--out", out());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("diverged at step").contains("--lr");
    }

    private String out() {
        return dir.resolve("out").toString();
    }

    private void assertUsageError(CliRunner.Result r, String... mentions) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.errLines()[0]).startsWith("vaelab: ");
        for (String m : mentions) {
            assertThat(r.err()).contains(m);
        }
        assertThat(r.err()).doesNotContain("\tat ");
        if (!r.err().contains("already holds a run")) {
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }
}
