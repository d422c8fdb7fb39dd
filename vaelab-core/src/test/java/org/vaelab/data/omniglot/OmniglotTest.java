package org.vaelab.data.omniglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaelab.data.DatasetValues.fillAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
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

class OmniglotTest {

    private static final int SIDE = 28;
    private static final int[] TRAIN_ALPHABETS = {0, 49, 7};
    private static final int[] TEST_ALPHABETS = {3, 3};

    @TempDir
    Path tmp;

    /**
     * Image {@code n}'s level at (row r, column c). Image 0 is dark but for one pixel near the top right, so a
     * transposed reading would light (20, 2) instead; the others are gradients that no flip or transpose preserves.
     */
    static int level(int n, int r, int c) {
        if (n == 0) {
            return r == 2 && c == 20 ? 255 : 0;
        }
        return (n * 61 + r * 9 + c * 2) % 256;
    }

    /** 784 x count, one image per column, each flattened column by column as MATLAB does (img(:)). */
    private static Matrix images(int first, int count) {
        return MatFixtures.matrix(SIDE * SIDE, count, (element, n) ->
                level(first + n, element % SIDE, element / SIDE) / 255.0);
    }

    private static Matrix oneHot(int[] alphabets) {
        return MatFixtures.matrix(Omniglot.ALPHABETS, alphabets.length, (k, n) -> k == alphabets[n] ? 1 : 0);
    }

    /** chardata.mat's layout: 3 training images (0..2) and 2 test images (3..4). */
    static Path writeChardata(Path file) {
        Map<String, Matrix> variables = new LinkedHashMap<>();
        variables.put("data", images(0, 3));
        variables.put("target", oneHot(TRAIN_ALPHABETS));
        variables.put("testdata", images(3, 2));
        variables.put("testtarget", oneHot(TEST_ALPHABETS));
        return MatFixtures.write(file, variables);
    }

    private Omniglot inDataDir() {
        return new Omniglot(IsolatedLocator.inDataDir(tmp).build());
    }

    @Test
    void readsUprightGreyImagesWithTheirAlphabets() {
        writeChardata(tmp.resolve("data/omniglot/chardata.mat"));

        Dataset train = inDataDir().train();

        assertThat(train.name()).isEqualTo("omniglot-train");
        assertThat(train.size()).isEqualTo(3);
        assertThat(train.shape()).isEqualTo(new Dataset.Shape(1, SIDE, SIDE));
        assertThat(train.valueKind()).isEqualTo(ValueKind.EIGHT_BIT);
        float[] out = fillAll(train);
        assertThat(out[2 * SIDE + 20]).as("the lit pixel, row 2 column 20").isEqualTo(1f);
        assertThat(out[20 * SIDE + 2]).as("its mirror across the diagonal").isEqualTo(0f);
        for (int n = 0; n < 3; n++) {
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    assertThat(out[n * SIDE * SIDE + r * SIDE + c]).isEqualTo(level(n, r, c) / 255f);
                }
            }
        }
        Dataset.Labels labels = train.labels().orElseThrow();
        assertThat(labels.classCount()).isEqualTo(50);
        assertThat(new int[] {labels.label(0), labels.label(1), labels.label(2)}).containsExactly(TRAIN_ALPHABETS);
    }

    @Test
    void theTestSplitComesFromTestdataAndTesttarget() {
        writeChardata(tmp.resolve("data/chardata.mat"));

        Dataset test = inDataDir().test();

        assertThat(test.name()).isEqualTo("omniglot-test");
        assertThat(test.size()).isEqualTo(2);
        float[] out = fillAll(test);
        assertThat(out[SIDE * SIDE + 5 * SIDE + 11]).isEqualTo(level(4, 5, 11) / 255f);
        assertThat(test.labels().orElseThrow().label(1)).isEqualTo(3);
        assertThat(test.provenance()).startsWith("omniglot-test: chardata.mat sha256=").hasSize(
                "omniglot-test: chardata.mat sha256=".length() + 64);
    }

    @Test
    void roundsValuesToTheNearestEightBitLevel() {
        Map<String, Matrix> variables = new LinkedHashMap<>();
        variables.put("data", MatFixtures.matrix(SIDE * SIDE, 1, (e, n) -> e == 0 ? 0.5 : e == 1 ? 0.2 : 0.0011));
        variables.put("target", oneHot(new int[] {0}));
        variables.put("testdata", images(0, 1));
        variables.put("testtarget", oneHot(new int[] {0}));
        MatFixtures.write(tmp.resolve("data/chardata.mat"), variables);

        float[] out = fillAll(inDataDir().train());

        assertThat(out[0]).isEqualTo(128 / 255f);
        assertThat(out[SIDE]).as("element 1 is row 1, column 0").isEqualTo(51 / 255f);
        assertThat(out[1]).isEqualTo(0f);
    }

    @Test
    void downloadsIntoTheCacheOnFirstUseAndRecordsTheSha256() throws IOException {
        Path published = writeChardata(tmp.resolve("publisher/chardata.mat"));
        Omniglot omniglot = new Omniglot(IsolatedLocator.in(tmp)
                .downloader((url, target) -> Files.copy(published, target, StandardCopyOption.REPLACE_EXISTING))
                .build());

        assertThat(omniglot.train().size()).isEqualTo(3);
        assertThat(tmp.resolve("cache/omniglot/chardata.mat")).hasSameBinaryContentAs(published);
        assertThat(tmp.resolve("cache/omniglot/chardata.mat.sha256")).exists();
    }

    @Test
    void aDownloadThatIsNotChardataIsRefusedAndNotKept() {
        Omniglot omniglot = new Omniglot(IsolatedLocator.in(tmp)
                .downloader((url, target) -> Files.writeString(target, "<html>rate limited</html>"))
                .build());

        assertThatThrownBy(omniglot::train)
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot get omniglot chardata.mat from " + Omniglot.URL)
                .hasMessageContaining("not a readable MAT v5 file")
                .hasMessageNotContaining("\n");
        assertThat(tmp.resolve("cache/omniglot/chardata.mat")).doesNotExist();
    }

    @Test
    void aMissingFileNamesItTheFoldersTheFlagAndTheUrl() {
        Omniglot omniglot = new Omniglot(IsolatedLocator.inDataDir(tmp)
                .allowDownload(false).build());

        assertThatThrownBy(omniglot::train)
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot find omniglot chardata.mat in " + tmp.resolve("data/omniglot"))
                .hasMessageContaining("--data-dir")
                .hasMessageContaining(Omniglot.URL)
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedFileIsAOneLineErrorNamingIt() throws IOException {
        Path file = writeChardata(tmp.resolve("data/chardata.mat"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + " is not a readable MAT v5 file")
                .hasMessageContaining("re-download")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileWithoutTheTestVariablesNamesTheMissingOne() {
        Map<String, Matrix> variables = new LinkedHashMap<>();
        variables.put("data", images(0, 3));
        variables.put("target", oneHot(TRAIN_ALPHABETS));
        Path file = MatFixtures.write(tmp.resolve("data/chardata.mat"), variables);

        assertThat(inDataDir().train().size()).isEqualTo(3);
        assertThatThrownBy(() -> inDataDir().test())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file + " has no variable 'testdata'");
    }

    @Test
    void refusesImagesStoredOnePerRowAndLabelsThatAreNotOneHot() {
        Map<String, Matrix> transposed = new LinkedHashMap<>();
        transposed.put("data", MatFixtures.matrix(3, SIDE * SIDE, (n, e) -> 0));
        transposed.put("target", oneHot(TRAIN_ALPHABETS));
        Path file = MatFixtures.write(tmp.resolve("data/chardata.mat"), transposed);

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file + ": variable 'data' is 3x784, expected 784 rows");

        Map<String, Matrix> twoHot = new LinkedHashMap<>();
        twoHot.put("data", images(0, 3));
        twoHot.put("target", MatFixtures.matrix(Omniglot.ALPHABETS, 3, (k, n) -> k == n || k == 10 ? 1 : 0));
        MatFixtures.write(tmp.resolve("data/chardata.mat"), twoHot);

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("column 0 of variable 'target' is not one-hot");
    }

    @Test
    void refusesValuesOutsideTheUnitInterval() {
        Map<String, Matrix> variables = new LinkedHashMap<>();
        variables.put("data", MatFixtures.matrix(SIDE * SIDE, 1, (e, n) -> e == 30 ? 255 : 0));
        variables.put("target", oneHot(new int[] {1}));
        MatFixtures.write(tmp.resolve("data/chardata.mat"), variables);

        assertThatThrownBy(() -> inDataDir().train())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("holds 255.0 in image 0 (row 2, column 1); expected grey levels in [0, 1]");
    }
}
