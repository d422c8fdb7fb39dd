package org.vaelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.data.mat.MatFixtures;
import org.vaelab.workflow.TrainDefaults;
import us.hebi.matlab.mat.types.Matrix;

/** OMNIGLOT, Caltech-101 Silhouettes and CIFAR-10 by name; opened only from files in --data-dir, never fetched. */
class DatasetCatalogStoredDataTest {

    @TempDir
    Path tmp;

    @Test
    void namesShapesAndKindsAreKnownWithoutAnyFile() {
        assertThat(DatasetCatalog.NAMES).contains("omniglot", "caltech-silhouettes", "cifar10");
        assertThat(DatasetCatalog.shapeOf("omniglot")).isEqualTo(new Dataset.Shape(1, 28, 28));
        assertThat(DatasetCatalog.shapeOf("caltech-silhouettes")).isEqualTo(new Dataset.Shape(1, 28, 28));
        assertThat(DatasetCatalog.shapeOf("cifar10")).isEqualTo(new Dataset.Shape(3, 32, 32));
        assertThat(DatasetCatalog.isGreyLevel("omniglot")).isTrue();
        assertThat(DatasetCatalog.isGreyLevel("caltech-silhouettes")).isFalse();
        assertThat(DatasetCatalog.isGreyLevel("cifar10")).isFalse();
        assertThat(DatasetCatalog.hasEightBitValues("cifar10")).isTrue();
        assertThat(DatasetCatalog.hasEightBitValues("caltech-silhouettes")).isFalse();
    }

    @Test
    void trainDefaultsFollowThePapers() {
        assertThat(TrainDefaults.binarize("omniglot")).isEqualTo("dynamic");
        assertThat(TrainDefaults.likelihood("omniglot", "dynamic")).isEqualTo("bernoulli");
        assertThat(TrainDefaults.likelihood("omniglot", "none")).isEqualTo("logistic");
        assertThat(TrainDefaults.arch("omniglot")).isEqualTo("mlp");
        assertThat(TrainDefaults.binarize("caltech-silhouettes")).isEqualTo("none");
        assertThat(TrainDefaults.likelihood("caltech-silhouettes", "none")).isEqualTo("bernoulli");
        assertThat(TrainDefaults.arch("caltech-silhouettes")).isEqualTo("mlp");
        assertThat(TrainDefaults.binarize("cifar10")).isEqualTo("none");
        assertThat(TrainDefaults.likelihood("cifar10", "none")).isEqualTo("logistic");
        assertThat(TrainDefaults.arch("cifar10")).isEqualTo("conv");
        assertThat(TrainDefaults.likelihood("mnist", "none")).isEqualTo("logistic");
        assertThat(TrainDefaults.likelihood("mnist", "dynamic")).isEqualTo("bernoulli");
    }

    @Test
    void omniglotAllIsTrainThenTestDynamicallyBinarisedWithLabels() {
        Map<String, Matrix> variables = new LinkedHashMap<>();
        variables.put("data", MatFixtures.matrix(784, 3, (e, n) -> 1.0));
        variables.put("target", MatFixtures.matrix(50, 3, (k, n) -> k == n ? 1 : 0));
        variables.put("testdata", MatFixtures.matrix(784, 2, (e, n) -> 0.0));
        variables.put("testtarget", MatFixtures.matrix(50, 2, (k, n) -> k == 9 ? 1 : 0));
        MatFixtures.write(tmp.resolve("omniglot/chardata.mat"), variables);

        Dataset all = DatasetCatalog.open("omniglot", "all", tmp, "dynamic");

        assertThat(all.name()).isEqualTo("omniglot-all");
        assertThat(all.size()).isEqualTo(5);
        assertThat(all.valueKind()).isEqualTo(ValueKind.BINARY);
        assertThat(all.labels().orElseThrow().label(4)).isEqualTo(9);
        float[] out = new float[2 * 784];
        all.fill(new int[] {0, 4}, out, new SplittableRandom(3));
        assertThat(out[0]).isEqualTo(1f);
        assertThat(out[784]).isEqualTo(0f);
    }

    @Test
    void caltechOpensItsSplitsAndIgnoresBinarisation() {
        Map<String, Matrix> variables = new LinkedHashMap<>();
        variables.put("train_data", MatFixtures.matrix(4, 784, (n, e) -> 1.0));
        variables.put("train_labels", MatFixtures.matrix(4, 1, (n, j) -> n + 1));
        variables.put("test_data", MatFixtures.matrix(1, 784, (n, e) -> 0.0));
        variables.put("test_labels", MatFixtures.matrix(1, 1, (n, j) -> 101));
        MatFixtures.write(tmp.resolve("caltech101_silhouettes_28_split1.mat"), variables);

        Dataset test = DatasetCatalog.open("caltech-silhouettes", "test", tmp, "static");

        assertThat(test.name()).isEqualTo("caltech-silhouettes-test");
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.labels().orElseThrow().label(0)).isEqualTo(100);
        assertThat(DatasetCatalog.open("caltech-silhouettes", "train", tmp, "none").size()).isEqualTo(4);
    }
}
