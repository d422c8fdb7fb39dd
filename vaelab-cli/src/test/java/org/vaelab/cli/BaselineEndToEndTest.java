package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.run.Json;

/** The Higgins table's rows other than trained VAEs: baselines and an untrained VAE, scored like a run. */
class BaselineEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void pcaBaselineIsScoredByTheMetricsCommand() throws IOException {
        Path out = dir.resolve("pca");
        CliRunner.Result fit = CliRunner.run("baseline", "pca", "--latent", "5", "--samples", "500", "--out",
                out.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        CliRunner.Result scored = CliRunner.run("metrics", out.toString(), "--only", "mig");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        JsonNode mig = Json.MAPPER.readTree(out.resolve("metrics.json").toFile()).at("/results/mig");
        assertThat(mig.isMissingNode()).isFalse();
        assertThat(mig.get("mig").asDouble()).isBetween(0.0, 1.0);
        // PCA's leading components follow the position of the sprite: clear MIG gaps for posX and posY.
        assertThat(mig.at("/gapPerFactor/3").asDouble()).isGreaterThan(0.05);
        assertThat(mig.at("/gapPerFactor/4").asDouble()).isGreaterThan(0.05);
    }

    @Test
    void anUntrainedVaeIsARunOfZeroSteps() throws IOException {
        Path run = dir.resolve("untrained");
        CliRunner.Result train = CliRunner.run("train", "--steps", "0", "--latent", "4", "--threads", "1", "--out",
                run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(run.resolve("checkpoints/step-000000000/model.pt")).isRegularFile();
        CliRunner.Result scored = CliRunner.run("metrics", run.toString(), "--only", "sparsity", "--threads", "1");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
    }

    @Test
    void unknownBaselineAndTakenDirectoryAreRefused() {
        CliRunner.Result unknown = CliRunner.run("baseline", "tsne", "--out", dir.resolve("x").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).hasSize(1);
        assertThat(unknown.err()).contains("tsne");
        Path out = dir.resolve("raw");
        assertThat(CliRunner.run("baseline", "raw", "--samples", "10", "--out", out.toString()).exitCode()).isZero();
        CliRunner.Result again = CliRunner.run("baseline", "raw", "--samples", "10", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds");
    }
}
