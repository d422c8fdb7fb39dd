package org.vaelab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.vaelab.TestConfigs;
import org.vaelab.UserInputException;

/** The --mixtures field: defaulted for configs saved before it existed, validated, and the likelihood accepted. */
class TrainConfigMixturesTest {

    @Test
    void aConfigSavedWithoutMixturesReadsAsFive() throws Exception {
        TrainConfig config = TestConfigs.mlp("vae", "logistic-mixture", 2, 1);
        assertThat(config.mixtures()).isEqualTo(TrainConfig.DEFAULT_MIXTURES).isEqualTo(5);
        ObjectNode saved = Json.MAPPER.valueToTree(config.with("mixtures", 3));
        assertThat(saved.get("mixtures").asInt()).isEqualTo(3);
        saved.remove("mixtures");
        TrainConfig old = Json.MAPPER.treeToValue(saved, TrainConfig.class);
        assertThat(old.mixtures()).isEqualTo(5);
        assertThat(old.likelihood()).isEqualTo("logistic-mixture");
    }

    @Test
    void fewerThanOneComponentIsRefusedNamingTheFlag() {
        TrainConfig config = TestConfigs.mlp("vae", "logistic-mixture", 2, 1);
        assertThatThrownBy(() -> config.with("mixtures", 0)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--mixtures").hasMessageContaining("0");
        assertThatThrownBy(() -> config.with("likelihood", "mixture")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("logistic-mixture");
    }
}
