package org.vaelab.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.TestConfigs;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.model.ModelFactory;
import org.vaelab.model.VariationalAutoencoder;

class ParameterSetTest {
    @TempDir
    Path dir;

    @Test
    void saveAndLoadRoundTripEvenAfterGarbageCollection() {
        Engine.seed(1);
        VariationalAutoencoder a = ModelFactory.build(TestConfigs.mlp("vae", "gaussian", 3, 1), Shape.flat(2));
        // Nested modules' Java peers must survive collection: native save calls back into them.
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        a.parameters().save(dir.resolve("model.pt"));
        Engine.seed(2);
        VariationalAutoencoder b = ModelFactory.build(TestConfigs.mlp("vae", "gaussian", 3, 1), Shape.flat(2));
        Map<String, Tensor> before = b.parameters().named();
        assertThat(before.get("encoder.fc0.weight").toFloats())
                .isNotEqualTo(a.parameters().named().get("encoder.fc0.weight").toFloats());
        b.parameters().load(dir.resolve("model.pt"));
        a.parameters().named().forEach((name, value) ->
                assertThat(b.parameters().named().get(name).toFloats()).as(name).containsExactly(value.toFloats()));
    }
}
