package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.data.mnist.MnistLocator;
import org.vaelab.data.mnist.MnistPart;
import org.vaelab.data.mnist.MnistSplit;
import org.vaelab.data.mnist.MnistVariant;
import org.vaelab.run.Json;

/** --likelihood logistic-mixture on Fashion-MNIST's grey levels (installed in CI), autoregressive and not. */
class LogisticMixtureEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void pixelCnnWithALogisticMixtureTrainsEvaluatesAndSamples() throws IOException {
        assumeFashionMnist();
        Path run = train("pixelcnn", "--model", "pixelcnn", "--receptive-field", "2", "--pixelcnn-channels", "4");
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertThat(config.at("/config/likelihood").asText()).isEqualTo("logistic-mixture");
        assertThat(config.at("/config/mixtures").asInt()).isEqualTo(2);

        JsonNode result = eval(run);
        // The PixelCNN alone has no code: its ELBO and IWAE are its exact log-likelihood, in bits per 8-bit pixel.
        assertThat(result.get("kl").asDouble()).isZero();
        assertThat(result.at("/iwae/logLikelihood").asDouble()).isCloseTo(result.get("elbo").asDouble(), within(1e-2));
        assertThat(result.at("/iwae/bitsPerDim").asDouble()).isBetween(0.0, 8.0);

        Path png = dir.resolve("sample.png");
        CliRunner.Result sample = CliRunner.run("sample", run.toString(), "--rows", "1", "--cols", "2", "--scale", "1",
                "--out", png.toString(), "--threads", "1");
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        assertThat(png).exists();
    }

    @Test
    void vlaeAndAnMlpVaeTrainAndEvaluateWithTheMixture() throws IOException {
        assumeFashionMnist();
        Path vlae = train("vlae", "--model", "vlae", "--latent", "2", "--hidden", "16", "--receptive-field", "1",
                "--pixelcnn-channels", "4");
        assertThat(eval(vlae).at("/iwae/nll").asDouble()).isPositive();
        Path vae = train("vae", "--model", "vae", "--latent", "2", "--hidden", "16");
        JsonNode result = eval(vae);
        assertThat(result.at("/iwae/nll").asDouble()).isPositive();
        assertThat(result.get("elboBitsPerDim").asDouble()).isPositive();
    }

    @Test
    void aResumedRunKeepsItsMixtures() {
        assumeFashionMnist();
        Path run = train("resumed", "--model", "vae", "--latent", "2", "--hidden", "16");
        CliRunner.Result same = CliRunner.run("train", "--out", run.toString(), "--resume", "--steps", "4",
                "--mixtures", "2", "--threads", "1");
        assertThat(same.exitCode()).as(same.err()).isZero();
        CliRunner.Result changed = CliRunner.run("train", "--out", run.toString(), "--resume", "--steps", "5",
                "--mixtures", "3", "--threads", "1");
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.errLines()).hasSize(1);
        assertThat(changed.err()).contains("--mixtures 2");
    }

    @Test
    void badSettingsAreRefusedInOneLine() {
        Path out = dir.resolve("refused");
        CliRunner.assertTrainRefused(out, "--mixtures", "--dataset", "pinwheel", "--likelihood", "logistic-mixture",
                "--mixtures", "0", "--steps", "1");
        CliRunner.assertTrainRefused(out, "--mixtures", "--dataset", "pinwheel", "--mixtures", "3", "--steps", "1");
        // Binary dSprites and real-valued pinwheel have no 8-bit levels to model.
        CliRunner.assertTrainRefused(out, "--likelihood bernoulli", "--model", "vlae", "--likelihood",
                "logistic-mixture", "--steps", "1");
        CliRunner.assertTrainRefused(out, "--likelihood logistic-mixture", "--model", "vlae", "--dataset", "pinwheel",
                "--likelihood", "logistic-mixture", "--steps", "1");
    }

    @Test
    void theAutoregressiveModelsRefuseOtherLikelihoodsOfGreyLevels() {
        assumeFashionMnist();
        CliRunner.assertTrainRefused(dir.resolve("refused"), "logistic-mixture", "--model", "pixelcnn", "--dataset",
                "fashion-mnist", "--likelihood", "logistic", "--steps", "1");
    }

    private Path train(String name, String... flags) {
        Path run = dir.resolve(name);
        String[] common = {"train", "--dataset", "fashion-mnist", "--binarize", "none", "--likelihood",
            "logistic-mixture", "--mixtures", "2", "--steps", "3", "--batch", "4", "--threads", "1", "--out",
            run.toString()};
        String[] args = new String[common.length + flags.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(flags, 0, args, common.length, flags.length);
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
        return run;
    }

    private static JsonNode eval(Path run) throws IOException {
        CliRunner.Result eval = CliRunner.run("eval", run.toString(), "--iwae", "2", "--limit", "6", "--threads", "1");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(run.resolve("eval.json").toFile());
        assertThat(result.get("elbo").asDouble()).isNegative();
        return result;
    }

    private static void assumeFashionMnist() {
        MnistLocator local = MnistLocator.builder().allowDownload(false).build();
        for (MnistSplit split : MnistSplit.values()) {
            for (MnistPart part : MnistPart.values()) {
                assumeTrue(local.findLocal(MnistVariant.FASHION_MNIST.file(split, part)).isPresent(),
                        "Fashion-MNIST not installed; run " + MnistVariant.FASHION_MNIST.installHint());
            }
        }
    }
}
