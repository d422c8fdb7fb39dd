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

/** The priors and objectives of Mathieu et al. 2019 and their relatives, end to end on short pinwheel runs. */
class DecompositionEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void decompWithAMixturePriorAndInclusiveKlTrainsAndEvaluates() throws IOException {
        Path run = train("mog", "--model", "decomp", "--beta", "0", "--alpha", "1", "--prior", "mog",
                "--prior-variance-scale", "0.03", "--divergence", "kl-inc");
        JsonNode last = lastLine(run);
        assertThat(last.has("divergence")).isTrue();
        assertThat(last.get("divergence").asDouble()).isFinite();
        CliRunner.Result eval = CliRunner.run("eval", run.toString(), "--iwae", "5", "--threads", "1");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
    }

    @Test
    void latentPicturesAndPriorMatch() throws IOException {
        Path run = train("density", "--model", "decomp", "--prior", "mog", "--prior-variance-scale", "0.03");
        Path png = dir.resolve("density.png");
        CliRunner.Result density = CliRunner.run("latent-density", run.toString(), "--out", png.toString(),
                "--samples", "500", "--threads", "1");
        assertThat(density.exitCode()).as(density.err()).isZero();
        // Two 64x64 panels at scale 2 with a 2-pixel separator.
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(2 * 128 + 2);
        CliRunner.Result eval = CliRunner.run("eval", run.toString(), "--threads", "1");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode match = Json.MAPPER.readTree(run.resolve("eval.json").toFile()).get("priorMatch");
        assertThat(match.get("mmd").asDouble()).isFinite();
        assertThat(match.get("meanLogPrior").asDouble()).isFinite();

        Path tiny = dir.resolve("tiny");
        assertThat(CliRunner.run("train", "--steps", "2", "--batch", "8", "--latent", "3", "--threads", "1", "--out",
                tiny.toString()).exitCode()).isZero();
        CliRunner.Result scatter = CliRunner.run("latent-density", tiny.toString(), "--out",
                dir.resolve("scatter.png").toString(), "--samples", "200", "--threads", "1");
        assertThat(scatter.exitCode()).as(scatter.err()).isZero();
        assertThat(dir.resolve("scatter.png")).isRegularFile();
        CliRunner.Result refused = CliRunner.run("latent-density", tiny.toString(), "--mode", "density", "--out",
                dir.resolve("no.png").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("2-d");
        CliRunner.Result active = CliRunner.run("traverse", tiny.toString(), "--active-only", "--out",
                dir.resolve("t.png").toString(), "--threads", "1");
        assertThat(active.exitCode()).isIn(0, 2);
    }

    @Test
    void everyPriorFamilyTrains() throws IOException {
        for (String[] prior : List.of(new String[] {"--prior", "student-t", "--df", "9"},
                new String[] {"--prior", "sparse", "--sparsity-gamma", "0.8"},
                new String[] {"--prior", "gaussian", "--prior-variance", "learned"},
                new String[] {"--prior", "gaussian", "--prior-variance", "pca"})) {
            String[] args = new String[prior.length + 4];
            args[0] = "--model";
            args[1] = "decomp";
            args[2] = "--divergence";
            args[3] = "mmd-imq";
            System.arraycopy(prior, 0, args, 4, prior.length);
            Path run = train(prior[1] + "-" + prior[prior.length - 1], args);
            assertThat(lastLine(run).get("loss").asDouble()).isFinite();
        }
        JsonNode pca = Json.MAPPER.readTree(dir.resolve("gaussian-pca/config.json").toFile()).at("/config/priorVariances");
        assertThat(pca).hasSize(2);
        assertThat(pca.get(0).asDouble()).isGreaterThanOrEqualTo(pca.get(1).asDouble());
    }

    @Test
    void infoVaeAndWaeTrain() throws IOException {
        assertThat(lastLine(train("infovae", "--model", "infovae")).has("divergence")).isTrue();
        assertThat(lastLine(train("wae", "--model", "wae", "--lambda", "10")).has("divergence")).isTrue();
    }

    @Test
    void badPriorSettingsAreRefusedInOneLine() {
        assertRefused("--components", "--prior", "mog", "--components", "0");
        assertRefused("--df", "--prior", "student-t", "--df", "0");
        assertRefused("--sparsity-gamma", "--prior", "sparse", "--sparsity-gamma", "1");
        assertRefused("--latent", "--prior", "gaussian", "--prior-variance", "pca", "--latent", "3");
        assertRefused("--divergence", "--model", "decomp", "--divergence", "mmd");
    }

    private void assertRefused(String mention, String... flags) {
        String[] args = new String[flags.length + 4];
        String[] fixed = {"--dataset", "pinwheel", "--steps", "2"};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(flags, 0, args, fixed.length, flags.length);
        CliRunner.assertTrainRefused(dir.resolve("refused"), mention, args);
    }

    private Path train(String name, String... flags) {
        Path run = dir.resolve(name);
        String[] args = new String[flags.length + 11];
        String[] common = {"train", "--dataset", "pinwheel", "--steps", "20", "--log-every", "10", "--threads", "1",
                "--out", run.toString()};
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(flags, 0, args, common.length, flags.length);
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
        return run;
    }

    private static JsonNode lastLine(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        return Json.MAPPER.readTree(lines.get(lines.size() - 1));
    }
}
