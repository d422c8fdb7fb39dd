package org.vaelab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.TestConfigs;
import org.vaelab.UserInputException;

class TrainConfigTest {
    @TempDir
    Path dir;

    @Test
    void withReplacesOneFieldAndKeepsTheRest() {
        TrainConfig base = TestConfigs.mlp("vae", "gaussian", 2, 10);
        TrainConfig edited = base.with("freeBits", 0.25);
        assertThat(edited.freeBits()).isEqualTo(0.25);
        assertThat(edited.with("freeBits", base.freeBits())).isEqualTo(base);
        assertThat(base.with("epochs", null)).isEqualTo(base);
    }

    @Test
    void withValidatesLikeTheConstructorAndRejectsUnknownFields() {
        TrainConfig base = TestConfigs.mlp("vae", "gaussian", 2, 10);
        assertThatThrownBy(() -> base.with("freeBits", -1.0)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--free-bits");
        assertThatThrownBy(() -> base.with("klWarmupSteps", -3L)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--kl-warmup");
        assertThatThrownBy(() -> base.with("noSuchField", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noSuchField");
    }

    @Test
    void aConfigSavedBeforeFreeBitsAndWarmupExistedReadsWithThemOff() throws Exception {
        TrainConfig base = TestConfigs.mlp("vae", "gaussian", 2, 10).with("freeBits", 0.5);
        String json = Json.MAPPER.writeValueAsString(base).replaceAll("\"freeBits\" : [0-9.]+,", "")
                .replaceAll("\"klWarmupSteps\" : [0-9]+,", "");
        assertThat(json).doesNotContain("freeBits").doesNotContain("klWarmupSteps");
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        TrainConfig read = Json.read(file, TrainConfig.class);
        assertThat(read.freeBits()).isZero();
        assertThat(read.klWarmupSteps()).isZero();
        assertThat(read.with("freeBits", 0.5)).isEqualTo(base);
    }
}
