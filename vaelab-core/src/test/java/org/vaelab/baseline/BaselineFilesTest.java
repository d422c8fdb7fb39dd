package org.vaelab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;

class BaselineFilesTest {
    @TempDir
    Path runDir;

    @Test
    void pcaRoundTripGivesTheSameCodesAndReport() {
        float[][] data = PcaTest.correlated(400, 25, new SplittableRandom(1));
        LinearProjection pca = Pca.fit(TrainingSample.of(data, "correlated"), 4, true, 2);

        pca.save(runDir);
        Representation loaded = Representation.load(runDir);

        assertThat(loaded).isInstanceOf(LinearProjection.class);
        assertThat(loaded.name()).isEqualTo("pca");
        assertThat(loaded.dim()).isEqualTo(4);
        assertThat(loaded.inputDim()).isEqualTo(25);
        assertThat(((LinearProjection) loaded).whitened()).isTrue();
        assertThat(loaded.encode(data)).isDeepEqualTo(pca.encode(data));
        FitReport report = loaded.fitReport().orElseThrow();
        assertThat(report.samples()).isEqualTo(400);
        assertThat(report.variances()).containsExactly(pca.fitReport().orElseThrow().variances());
        assertThat(report.icaIterations()).isNull();
        assertThat(Representation.isSavedIn(runDir)).isTrue();
    }

    @Test
    void icaRoundTripGivesTheSameCodes() {
        float[][] data = PcaTest.correlated(400, 10, new SplittableRandom(3));
        LinearProjection ica = FastIca.fit(TrainingSample.of(data, "correlated"), 3, 4);

        ica.save(runDir);
        Representation loaded = Representation.load(runDir);

        assertThat(loaded.name()).isEqualTo("ica");
        assertThat(loaded.encode(data)).isDeepEqualTo(ica.encode(data));
        assertThat(loaded.fitReport().orElseThrow().icaIterations()).isEqualTo(
                ica.fitReport().orElseThrow().icaIterations());
    }

    @Test
    void rawRoundTripKeepsTheImageSize() {
        new RawPixels(4096).save(runDir);
        Representation loaded = Representation.load(runDir);
        assertThat(loaded).isInstanceOf(RawPixels.class);
        assertThat(loaded.dim()).isEqualTo(4096);
        assertThat(Files.exists(runDir.resolve(BaselineFiles.WEIGHTS))).isFalse();
    }

    @Test
    void aDirectoryWithoutABaselineIsAUserError() {
        assertThat(Representation.isSavedIn(runDir)).isFalse();
        assertThatThrownBy(() -> Representation.load(runDir))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("holds no baseline");
    }

    @Test
    void weightsOfTheWrongShapeAreReportedAsDamage() throws IOException {
        float[][] data = PcaTest.correlated(100, 6, new SplittableRandom(5));
        Pca.fit(TrainingSample.of(data, "x"), 2, false, 0).save(runDir);
        Path weights = runDir.resolve(BaselineFiles.WEIGHTS);
        Files.copy(runDir.resolve(BaselineFiles.MEAN), weights, StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> Representation.load(runDir))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("[2, 6]");
    }

    @Test
    void anUnknownKindIsReportedAsDamage() throws IOException {
        new RawPixels(16).save(runDir);
        Path manifest = runDir.resolve(BaselineFiles.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"raw\"", "\"nmf\""));

        assertThatThrownBy(() -> Representation.load(runDir))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("unknown kind 'nmf'");
    }
}
