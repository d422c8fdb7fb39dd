package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.run.Json;

/** The training flags beyond the defaults, end to end on pinwheel. */
class TrainOptionsTest {
    @TempDir
    Path dir;

    @Test
    void epochsBecomeStepsOverTheTrainingSet() throws IOException {
        Path run = dir.resolve("epochs");
        // 5,000 pinwheel points in batches of 400: 12 full batches per epoch, the partial one dropped.
        CliRunner.Result r = CliRunner.run("train", "--dataset", "pinwheel", "--epochs", "2", "--batch", "400",
                "--threads", "1", "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertThat(config.at("/config/steps").asLong()).isEqualTo(24);
        assertThat(config.at("/config/epochs").asInt()).isEqualTo(2);
    }

    @Test
    void capacityVaeLogsTheAnnealedTarget() throws IOException {
        Path run = dir.resolve("capacity");
        CliRunner.Result r = CliRunner.run("train", "--dataset", "pinwheel", "--model", "capacity-vae", "--gamma", "10",
                "--capacity-max", "5", "--capacity-steps", "10", "--steps", "20", "--log-every", "5", "--threads", "1",
                "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        // Logged after steps 1, 5, 10, 15, 20, the objective having used C at steps 0, 4, 9, 14, 19.
        assertThat(lines.stream().map(l -> read(l).get("capacity").asDouble()))
                .containsExactly(0.0, 2.0, 4.5, 5.0, 5.0);
    }

    @Test
    void anAutoencoderTrainsAndEvaluatesWithoutALikelihoodBound() throws IOException {
        Path run = dir.resolve("ae");
        assertThat(CliRunner.run("train", "--dataset", "pinwheel", "--model", "ae", "--steps", "10", "--threads", "1",
                "--out", run.toString()).exitCode()).isZero();
        CliRunner.Result eval = CliRunner.run("eval", run.toString(), "--threads", "1");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).doesNotContain("ELBO").contains("reconstruction");
        CliRunner.Result iwae = CliRunner.run("eval", run.toString(), "--iwae", "5", "--threads", "1");
        assertThat(iwae.exitCode()).isEqualTo(2);
        assertThat(iwae.err()).contains("autoencoder");
    }

    @Test
    void betaTcvaeLogsItsTermsAndEvalDecomposesTheKl() throws IOException {
        Path run = dir.resolve("tcvae");
        CliRunner.Result train = CliRunner.run("train", "--dataset", "pinwheel", "--model", "beta-tcvae",
                "--estimator", "mws", "--steps", "20", "--batch", "100", "--log-every", "10", "--threads", "1",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode last = read(Files.readAllLines(run.resolve("metrics.jsonl")).get(2));
        assertThat(last.has("mi") && last.has("tc") && last.has("dwkl")).isTrue();
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("config");
        assertThat(config.get("beta").asDouble()).isEqualTo(6.0);
        assertThat(config.get("gamma").asDouble()).isEqualTo(1.0);
        assertThat(config.get("estimator").asText()).isEqualTo("mws");

        CliRunner.Result eval = CliRunner.run("eval", run.toString(), "--decompose", "--decompose-samples", "256",
                "--threads", "1");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("total correlation");
        JsonNode decomposition = Json.MAPPER.readTree(run.resolve("eval.json").toFile()).get("decomposition");
        assertThat(decomposition.get("posteriors").asLong()).isEqualTo(5000);
        double sum = decomposition.at("/sum/nats").asDouble();
        assertThat(sum).isCloseTo(decomposition.get("averageKl").asDouble(),
                org.assertj.core.data.Offset.offset(0.5 + 4 * decomposition.at("/sum/standardError").asDouble()));
    }

    @Test
    void unknownEstimatorIsRefused() {
        CliRunner.Result r = CliRunner.run("train", "--model", "beta-tcvae", "--estimator", "exact", "--out",
                dir.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--estimator").contains("mss");
    }

    private static JsonNode read(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
