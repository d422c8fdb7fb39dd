package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.data.npy.Npy;
import org.vaelab.data.npy.NpyArray;
import org.vaelab.run.Json;

/** encode and metrics as a user runs them: codes out of a run, and scores for a run or for arrays. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepresentationsEndToEndTest {
    Path dir;
    Path run;

    @BeforeAll
    void train(@TempDir Path tempDir) {
        dir = tempDir;
        run = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--steps", "4", "--batch", "8", "--latent", "3", "--threads", "1",
                "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void encodeWritesMeansLogVariancesAndFactors() throws IOException {
        Path codes = dir.resolve("codes.npy");
        Path factors = dir.resolve("factors.npy");
        CliRunner.Result r = CliRunner.run("encode", run.toString(), "--split", "test", "--out", codes.toString(),
                "--with-logvar", "--factors", factors.toString(), "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        NpyArray means = Npy.read(codes);
        assertThat(means.shape()).containsExactly(10_000, 3);
        assertThat(Npy.read(dir.resolve("codes-logvar.npy")).shape()).containsExactly(10_000, 3);
        NpyArray f = Npy.read(factors);
        assertThat(f.shape()).containsExactly(10_000, 5);
        for (int v : f.ints()) {
            assertThat(v).isBetween(0, 39);
        }
    }

    @Test
    void metricsOfARunAndOfTheSameCodesAsArraysAgree() throws IOException {
        CliRunner.Result fromRun = CliRunner.run("metrics", run.toString(), "--only", "mig,sparsity", "--threads", "1");
        assertThat(fromRun.exitCode()).as(fromRun.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(run.resolve("metrics.json").toFile());
        assertThat(report.at("/results/mig").isMissingNode()).isFalse();
        assertThat(report.at("/results/sparsity").isMissingNode()).isFalse();

        Path codes = dir.resolve("train-codes.npy");
        Path factors = dir.resolve("train-factors.npy");
        assertThat(CliRunner.run("encode", run.toString(), "--split", "test", "--out", codes.toString(),
                "--factors", factors.toString(), "--threads", "1").exitCode()).isZero();
        Path out = dir.resolve("arrays-metrics.json");
        CliRunner.Result fromArrays = CliRunner.run("metrics", "--codes", codes.toString(), "--factors",
                factors.toString(), "--only", "mig", "--out", out.toString());
        assertThat(fromArrays.exitCode()).as(fromArrays.err()).isZero();
        assertThat(Json.MAPPER.readTree(out.toFile()).at("/results/mig").isMissingNode()).isFalse();
    }

    @Test
    void metricsRefuseMismatchedArraysInOneLine() throws IOException {
        Path codes = dir.resolve("c.npy");
        Path factors = dir.resolve("f.npy");
        Npy.write(codes, NpyArray.of(new float[] {1, 2, 3, 4}, 2, 2));
        Npy.write(factors, NpyArray.of(new int[] {0, 1, 2}, 3, 1));
        CliRunner.Result r = CliRunner.run("metrics", "--codes", codes.toString(), "--factors", factors.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("3 rows").contains("2");
    }

    @Test
    void metricsOnADatasetWithoutFactorsIsRefused() {
        Path points = dir.resolve("points");
        assertThat(CliRunner.run("train", "--dataset", "pinwheel", "--steps", "2", "--threads", "1", "--out",
                points.toString()).exitCode()).isZero();
        CliRunner.Result r = CliRunner.run("metrics", points.toString(), "--only", "mig");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no ground-truth factors");
    }

    @Test
    void nanCodesAreRefused() throws IOException {
        Path codes = dir.resolve("nan.npy");
        Path factors = dir.resolve("nanf.npy");
        Npy.write(codes, NpyArray.of(new float[] {1, Float.NaN}, 2, 1));
        Npy.write(factors, NpyArray.of(new int[] {0, 1}, 2, 1));
        CliRunner.Result r = CliRunner.run("metrics", "--codes", codes.toString(), "--factors", factors.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("NaN");
    }
}
