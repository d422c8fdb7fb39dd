package org.vaelab.data.caltech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaelab.data.DatasetValues.fillAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.data.files.IsolatedLocator;
import org.vaelab.data.mat.MatFixtures;
import us.hebi.matlab.mat.types.Matrix;

class CaltechSilhouettesTest {

    private static final int SIDE = 28;

    @TempDir
    Path tmp;

    /**
     * Whether image {@code n} shows the object at (row r, column c). Image 0 is one pixel near the top right (a
     * transposed reading would put it at (20, 2)); image 1 an upright L; image 2 a slanted stripe pattern.
     */
    static boolean object(int n, int r, int c) {
        return switch (n) {
            case 0 -> r == 2 && c == 20;
            case 1 -> c == 4 && r >= 5 && r <= 20 || r == 20 && c >= 4 && c <= 15;
            default -> (n + r + 2 * c) % 3 == 0;
        };
    }

    /** N x 784, one image per row, flattened column by column, the object drawn as 0 on a background of 1. */
    private static Matrix images(int first, int count) {
        return MatFixtures.matrix(count, SIDE * SIDE, (n, element) ->
                object(first + n, element % SIDE, element / SIDE) ? 0 : 1);
    }

    private static Matrix labels(int... oneBased) {
        return MatFixtures.matrix(oneBased.length, 1, (n, j) -> oneBased[n]);
    }

    /** The split file's layout: 3 training images (0..2), 2 validation images and 2 test images (5..6). */
    static Path writeSplit(Path file) {
        Map<String, Matrix> variables = new LinkedHashMap<>();
        variables.put("train_data", images(0, 3));
        variables.put("val_data", images(3, 2));
        variables.put("test_data", images(5, 2));
        variables.put("train_labels", labels(1, 101, 42));
        variables.put("val_labels", labels(5, 6));
        variables.put("test_labels", labels(17, 2));
        return MatFixtures.write(file, variables);
    }

    private CaltechSilhouettes inDataDir() {
        return new CaltechSilhouettes(IsolatedLocator.inDataDir(tmp).build());
    }

    @Test
    void readsUprightSilhouettesAsOnesOnZeroWithZeroBasedLabels() {
        writeSplit(tmp.resolve("data/caltech-silhouettes/caltech101_silhouettes_28_split1.mat"));

        Dataset train = inDataDir().train();

        assertThat(train.name()).isEqualTo("caltech-silhouettes-train");
        assertThat(train.size()).as("validation images stay out").isEqualTo(3);
        assertThat(train.shape()).isEqualTo(new Dataset.Shape(1, SIDE, SIDE));
        assertThat(train.valueKind()).isEqualTo(ValueKind.BINARY);
        float[] out = fillAll(train);
        assertThat(out[2 * SIDE + 20]).as("the object pixel of image 0, row 2 column 20").isEqualTo(1f);
        assertThat(out[20 * SIDE + 2]).as("its mirror across the diagonal").isEqualTo(0f);
        assertThat(out[SIDE * SIDE + 20 * SIDE + 15]).as("the foot of image 1's L").isEqualTo(1f);
        for (int n = 0; n < 3; n++) {
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    assertThat(out[n * SIDE * SIDE + r * SIDE + c]).isEqualTo(object(n, r, c) ? 1f : 0f);
                }
            }
        }
        Dataset.Labels labels = train.labels().orElseThrow();
        assertThat(labels.classCount()).isEqualTo(101);
        assertThat(new int[] {labels.label(0), labels.label(1), labels.label(2)}).containsExactly(0, 100, 41);
    }

    @Test
    void theTestSplitIsTestData() {
        writeSplit(tmp.resolve("data/caltech101_silhouettes_28_split1.mat"));

        Dataset test = inDataDir().test();

        assertThat(test.size()).isEqualTo(2);
        float[] out = fillAll(test);
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                assertThat(out[SIDE * SIDE + r * SIDE + c]).isEqualTo(object(6, r, c) ? 1f : 0f);
            }
        }
        assertThat(test.labels().orElseThrow().label(0)).isEqualTo(16);
        assertThat(test.provenance()).startsWith("caltech-silhouettes-test: caltech101_silhouettes_28_split1.mat "
                + "sha256=");
    }

    @Test
    void refusesValuesThatAreNotBinaryAndLabelsOutOfRange() {
        Map<String, Matrix> grey = new LinkedHashMap<>();
        grey.put("train_data", MatFixtures.matrix(1, SIDE * SIDE, (n, e) -> e == 29 ? 0.5 : 1));
        grey.put("train_labels", labels(1));
        Path file = MatFixtures.write(tmp.resolve("data/caltech101_silhouettes_28_split1.mat"), grey);

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file + ": variable 'train_data' holds 0.5 in image 0 (row 1, column 1); "
                        + "expected 0 or 1");

        Map<String, Matrix> zeroBased = new LinkedHashMap<>();
        zeroBased.put("train_data", images(0, 2));
        zeroBased.put("train_labels", labels(0, 3));
        MatFixtures.write(file, zeroBased);

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("variable 'train_labels' holds 0.0 at index 0; expected a class number 1..101");
    }

    @Test
    void refusesImagesStoredOnePerColumnAndAMissingLabelCount() {
        Map<String, Matrix> columns = new LinkedHashMap<>();
        columns.put("train_data", MatFixtures.matrix(SIDE * SIDE, 3, (e, n) -> 1));
        columns.put("train_labels", labels(1, 2, 3));
        Path file = MatFixtures.write(tmp.resolve("data/caltech101_silhouettes_28_split1.mat"), columns);

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file + ": variable 'train_data' is 784x3, expected 784 columns");

        Map<String, Matrix> fewLabels = new LinkedHashMap<>();
        fewLabels.put("train_data", images(0, 3));
        fewLabels.put("train_labels", labels(1, 2));
        MatFixtures.write(file, fewLabels);

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("variable 'train_labels' has 2 labels for 3 images");
    }

    @Test
    void aMissingFileNamesItTheFoldersTheFlagAndTheUrl() {
        CaltechSilhouettes caltech = new CaltechSilhouettes(IsolatedLocator.inDataDir(tmp)
                .allowDownload(false).build());

        assertThatThrownBy(caltech::test)
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot find caltech-silhouettes caltech101_silhouettes_28_split1.mat in "
                        + tmp.resolve("data/caltech-silhouettes"))
                .hasMessageContaining("--data-dir")
                .hasMessageContaining(CaltechSilhouettes.URL)
                .hasMessageNotContaining("\n");
    }

    @Test
    void aCorruptFileIsAOneLineErrorNamingIt() throws IOException {
        Path file = writeSplit(tmp.resolve("data/caltech101_silhouettes_28_split1.mat"));
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 200; i < bytes.length; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + " is not a readable MAT v5 file")
                .hasMessageNotContaining("\n");
    }
}
