package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.run.Json;

/** VLAE and its unconditional PixelCNN baseline, end to end on tiny dSprites runs. */
class AutoregressiveEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void vlaeWithAnAfPriorAndIafPosteriorTrainsAndEvaluates() throws IOException {
        Path run = train("vlae", "--model", "vlae", "--prior", "af", "--flow-layers", "1", "--posterior", "iaf",
                "--latent", "3");
        CliRunner.Result eval = CliRunner.run("eval", run.toString(), "--limit", "6", "--batch", "3", "--iwae", "2",
                "--threads", "1");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(run.resolve("eval.json").toFile());
        assertThat(result.at("/iwae/nll").asDouble()).isPositive();

        CliRunner.Result code = CliRunner.run("eval", run.toString(), "--limit", "6", "--batch", "3", "--code-length",
                "--threads", "1");
        assertThat(code.exitCode()).as(code.err()).isZero();
        JsonNode split = Json.MAPPER.readTree(run.resolve("eval.json").toFile()).get("codeLength");
        assertThat(split.get("bitsInZ").asDouble() + split.get("bitsInX").asDouble())
                .isCloseTo(split.get("bits").asDouble(), within(1e-9));
        assertThat(split.get("bitsPerDim").asDouble()).isCloseTo(split.get("bits").asDouble() / 4096, within(1e-9));

        Path png = dir.resolve("compress.png");
        CliRunner.Result compress = CliRunner.run("compress", run.toString(), "--count", "4", "--cols", "2",
                "--scale", "1", "--out", png.toString(), "--threads", "1");
        assertThat(compress.exitCode()).as(compress.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        // Two rows of originals, each above its row of decompressed images: 4 rows of 2 images of 64x64.
        assertThat((double) image.getHeight() / image.getWidth()).isCloseTo(2.0, within(0.15));
    }

    @Test
    void pixelCnnAloneHasZeroKlSoItsBoundsAreItsLikelihood() throws IOException {
        Path run = train("pixelcnn", "--model", "pixelcnn");
        CliRunner.Result eval = CliRunner.run("eval", run.toString(), "--limit", "6", "--batch", "3", "--iwae", "3",
                "--threads", "1");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(run.resolve("eval.json").toFile());
        assertThat(result.get("kl").asDouble()).isZero();
        assertThat(result.at("/iwae/logLikelihood").asDouble()).isCloseTo(result.get("elbo").asDouble(), within(1e-3));
    }

    @Test
    void badSettingsAreRefusedInOneLine() {
        assertRefused("--receptive-field", "--model", "vlae", "--receptive-field", "0");
        assertRefused("--receptive-field", "--model", "vlae", "--receptive-field", "64");
        assertRefused("--flow-layers", "--model", "vlae", "--prior", "af", "--flow-layers", "-1");
        assertRefused("binary", "--model", "vlae", "--dataset", "pinwheel");
    }

    private void assertRefused(String mention, String... flags) {
        String[] args = new String[flags.length + 2];
        String[] fixed = {"--steps", "1"};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(flags, 0, args, fixed.length, flags.length);
        CliRunner.assertTrainRefused(dir.resolve("refused"), mention, args);
    }

    private Path train(String name, String... flags) {
        Path run = dir.resolve(name);
        String[] common = {"train", "--steps", "3", "--batch", "4", "--receptive-field", "2", "--pixelcnn-channels",
                "4", "--threads", "1", "--out", run.toString()};
        String[] args = new String[common.length + flags.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(flags, 0, args, common.length, flags.length);
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
        return run;
    }
}
