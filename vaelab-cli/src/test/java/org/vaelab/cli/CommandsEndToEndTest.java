package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.run.Json;

/** Every command on one tiny dSprites run, as a user would type them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsEndToEndTest {
    Path dir;
    Path run;

    @BeforeAll
    void train(@TempDir Path tempDir) {
        dir = tempDir;
        run = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--steps", "6", "--batch", "8", "--latent", "4", "--threads", "1",
                "--checkpoint-every", "3", "--log-every", "2", "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("train 6/6");
    }

    @Test
    void trainWritesConfigMetricsAndCheckpoints() throws IOException {
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertThat(config.at("/config/model").asText()).isEqualTo("beta-vae");
        assertThat(config.at("/config/beta").asDouble()).isEqualTo(4.0);
        assertThat(config.at("/config/dataset").asText()).isEqualTo("dsprites");
        assertThat(config.at("/provenance/datasetProvenance").asText()).contains("procedural dSprites");
        assertThat(config.at("/provenance/libtorchVersion").asText()).isEqualTo("2.10.0");
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(4); // steps 1, 2, 4, 6
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertThat(first.has("recon") && first.has("kl") && first.has("loss")).isTrue();
        assertThat(first.get("klPerDim")).hasSize(4);
        assertThat(Files.readString(run.resolve("checkpoints/latest")).trim()).isEqualTo("step-000000006");
        assertThat(run.resolve("checkpoints/step-000000006/model.pt")).isRegularFile();
        assertThat(run.resolve("checkpoints/step-000000006/optimizer.pt")).isRegularFile();
    }

    @Test
    void evalPrintsAndWritesTheBounds() throws IOException {
        CliRunner.Result r = CliRunner.run("eval", run.toString(), "--limit", "16", "--iwae", "4", "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ELBO").contains("IWAE (k=4)").contains("active units");
        JsonNode eval = Json.MAPPER.readTree(run.resolve("eval.json").toFile());
        assertThat(eval.get("examples").asInt()).isEqualTo(16);
        assertThat(eval.get("klPerDim")).hasSize(4);
        double elbo = eval.get("elbo").asDouble();
        assertThat(elbo).isEqualTo(-(eval.get("recon").asDouble() + eval.get("kl").asDouble()),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(eval.at("/iwae/nll").asDouble()).isPositive();
        assertThat(eval.get("elboBitsPerDim").asDouble()).isCloseTo(-elbo / (4096 * Math.log(2)),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void pictureCommandsWriteGridsOfTheStatedShape() throws IOException {
        // 64x64 at scale 2 with 2-pixel separators: n cells take n*128 + (n-1)*2 pixels.
        assertGrid("reconstruct", 8 * 130 - 2, 8 * 130 - 2, "--count", "32", "--cols", "8");
        assertGrid("sample", 3 * 130 - 2, 2 * 130 - 2, "--rows", "2", "--cols", "3");
        assertGrid("traverse", 5 * 130 - 2, 4 * 130 - 2, "--cols", "5");
        assertGrid("interpolate", 7 * 130 - 2, 3 * 130 - 2, "--rows", "3", "--cols", "7");
    }

    @Test
    void plotDrawsTheTrainingCurves() throws IOException {
        Path png = dir.resolve("curves.png");
        CliRunner.Result r = CliRunner.run("plot", run.toString(), "--out", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getHeight()).isGreaterThan(300);
    }

    private void assertGrid(String command, int width, int height, String... options) throws IOException {
        Path png = dir.resolve(command + ".png");
        String[] args = new String[options.length + 6];
        args[0] = command;
        args[1] = run.toString();
        args[2] = "--out";
        args[3] = png.toString();
        args[4] = "--threads";
        args[5] = "1";
        System.arraycopy(options, 0, args, 6, options.length);
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(command + ": " + r.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as(command + " width").isEqualTo(width);
        assertThat(image.getHeight()).as(command + " height").isEqualTo(height);
    }
}
