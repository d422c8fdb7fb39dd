package org.vaelab.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;

class TrainingCurvesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void plotsStackedPanelsAtTheRequestedSize() throws IOException {
        Path metrics = write("metrics.jsonl", """
                {"step": 0, "loss": 550.5, "recon": 540.0, "kl": 10.5, "capacity": 0.0, "klPerDim": [1.0, 9.5], "lr": 1e-3}
                {"step": 100, "loss": 210.0, "recon": 190.0, "kl": 20.0, "capacity": 5.0, "klPerDim": [4.0, 16.0]}
                not json at all
                [1, 2, 3]
                {"epoch": 1}
                {"step": 200, "loss": 150.0, "recon": 125.0, "kl": 25.0, "capacity": 10.0}
                {"step": 300, "loss": 140.0, "re""");
        Path png = dir.resolve("plots/curves.png");

        TrainingCurves.plot(metrics, png, 640, 200);

        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(600);
        try (var listing = Files.list(png.getParent())) {
            assertThat(listing).containsExactly(png);
        }
    }

    @Test
    void defaultSize() throws IOException {
        Path metrics = write("m.jsonl", "{\"step\": 1, \"loss\": 3, \"recon\": 2, \"kl\": 1}\n");
        Path png = dir.resolve("curves.png");

        TrainingCurves.plot(metrics, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(TrainingCurves.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(3 * TrainingCurves.DEFAULT_PANEL_HEIGHT);
    }

    @Test
    void readsTermsByStepAndSkipsWhatIsNotALoggedStep() throws IOException {
        Path metrics = write("metrics.jsonl", """
                {"step": 0, "loss": 5.0, "recon": 4.0, "kl": 1.0}
                {"step": 1, "loss": NaN, "recon": 4.5, "kl": 0.5, "capacity": 2.5}

                {"step": "two", "loss": 1.0}
                {"step": 1.5, "loss": 1.0}
                {"step": 0, "loss": 4.0, "recon": 3.0, "kl": 1.0}
                {"step": 2, "loss": 3""");

        TrainingCurves.Curves curves = TrainingCurves.read(metrics);

        assertThat(curves.loss()).containsExactly(Map.entry(0L, 4.0));
        assertThat(curves.recon()).containsOnlyKeys(0L, 1L).containsEntry(0L, 3.0);
        assertThat(curves.kl()).containsOnlyKeys(0L, 1L);
        assertThat(curves.capacity()).containsExactly(Map.entry(1L, 2.5));
    }

    @Test
    void plotsARunWithoutCapacityOrWithMissingTerms() throws IOException {
        Path metrics = write("metrics.jsonl", "{\"step\": 1, \"loss\": 3}\n{\"step\": 2, \"loss\": 2}\n");
        Path png = dir.resolve("curves.png");

        TrainingCurves.plot(metrics, png, 300, 100);

        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(300);
    }

    @Test
    void emptyFileIsAUserError() throws IOException {
        Path metrics = write("metrics.jsonl", "");

        assertThatThrownBy(() -> TrainingCurves.plot(metrics, dir.resolve("x.png")))
                .isInstanceOf(UserInputException.class).hasMessage("no logged steps in " + metrics);
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void missingFileIsAUserError() {
        assertThatThrownBy(() -> TrainingCurves.plot(dir.resolve("none.jsonl"), dir.resolve("x.png")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("none.jsonl");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
