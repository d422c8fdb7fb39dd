package org.vaelab.data.cifar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaelab.data.DatasetValues.fillAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.data.files.DataFile;
import org.vaelab.data.files.DataFileLocator;
import org.vaelab.data.files.FormatCheck;
import org.vaelab.data.files.IsolatedLocator;
import org.vaelab.data.files.Sha256;

class Cifar10Test {

    private static final int RECORDS = 2;
    private static final List<String> FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");
    private static final int TEST_FILE = 5;

    @TempDir
    Path tmp;

    /** The level of channel {@code ch} at (r, c) in record {@code k} of file {@code f}: no two places agree. */
    static int level(int f, int k, int ch, int r, int c) {
        return (f * 50 + k * 31 + ch * 17 + r * 3 + c * 5) & 0xff;
    }

    static int label(int f, int k) {
        return (f * 3 + k * 7) % 10;
    }

    /** File {@code f} in the published layout: per record a label byte, then red, green, blue planes row by row. */
    static byte[] batch(int f) {
        byte[] bytes = new byte[RECORDS * 3073];
        for (int k = 0; k < RECORDS; k++) {
            int offset = k * 3073;
            bytes[offset] = (byte) label(f, k);
            for (int ch = 0; ch < 3; ch++) {
                for (int r = 0; r < 32; r++) {
                    for (int c = 0; c < 32; c++) {
                        bytes[offset + 1 + ch * 1024 + r * 32 + c] = (byte) level(f, k, ch, r, c);
                    }
                }
            }
        }
        return bytes;
    }

    private void extractInto(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int f = 0; f < FILES.size(); f++) {
            Files.write(folder.resolve(FILES.get(f)), batch(f));
        }
    }

    /** The archive with its members out of order and an unrelated file among them, as real archives may be. */
    private static byte[] archive() {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("batches.meta.txt", "airplane\n".getBytes());
        for (int f : new int[] {TEST_FILE, 2, 0, 1, 4, 3}) {
            members.put(FILES.get(f), batch(f));
        }
        return TarGzFixtures.archive("cifar-10-batches-bin", members);
    }

    private static DataFile archiveFile(byte[] archive) {
        return new DataFile("cifar10", "cifar-10-binary.tar.gz", Optional.of(Sha256.hex(archive)), Optional.empty(),
                FormatCheck.NONE, "download it");
    }

    private Cifar10 cifar(DataFileLocator locator, byte[] archive) {
        return new Cifar10(locator, RECORDS, archiveFile(archive));
    }

    private DataFileLocator inDataDir() {
        return IsolatedLocator.inDataDir(tmp).allowDownload(false).build();
    }

    private static void assertHoldsFiles(Dataset data, int firstFile) {
        float[] out = fillAll(data);
        for (int i = 0; i < data.size(); i++) {
            int f = firstFile + i / RECORDS;
            int k = i % RECORDS;
            assertThat(data.labels().orElseThrow().label(i)).isEqualTo(label(f, k));
            for (int ch = 0; ch < 3; ch++) {
                for (int r = 0; r < 32; r++) {
                    for (int c = 0; c < 32; c++) {
                        assertThat(out[i * 3072 + ch * 1024 + r * 32 + c]).isEqualTo(level(f, k, ch, r, c) / 255f);
                    }
                }
            }
        }
    }

    @Test
    void readsTheExtractedBatchesInOrderAsColourImages() throws IOException {
        extractInto(tmp.resolve("data/cifar10/cifar-10-batches-bin"));
        Cifar10 cifar = cifar(inDataDir(), new byte[0]);

        Dataset train = cifar.train();
        Dataset test = cifar.test();

        assertThat(train.name()).isEqualTo("cifar10-train");
        assertThat(train.size()).isEqualTo(5 * RECORDS);
        assertThat(test.size()).isEqualTo(RECORDS);
        assertThat(train.shape()).isEqualTo(new Dataset.Shape(3, 32, 32));
        assertThat(train.valueKind()).isEqualTo(ValueKind.EIGHT_BIT);
        assertThat(train.labels().orElseThrow().classCount()).isEqualTo(10);
        float[] first = fillAll(test);
        assertThat(first[0]).as("red (0, 0) of the first test image").isEqualTo(level(TEST_FILE, 0, 0, 0, 0) / 255f);
        assertThat(first[1024 + 31]).as("green (0, 31)").isEqualTo(level(TEST_FILE, 0, 1, 0, 31) / 255f);
        assertThat(first[2048 + 32]).as("blue (1, 0)").isEqualTo(level(TEST_FILE, 0, 2, 1, 0) / 255f);
        assertHoldsFiles(train, 0);
        assertHoldsFiles(test, TEST_FILE);
        assertThat(test.provenance()).isEqualTo("cifar10-test: test_batch.bin sha256=" + Sha256.hex(batch(TEST_FILE)));
    }

    @Test
    void readsStraightFromTheArchiveWithTheSameDataAndProvenance() throws IOException {
        byte[] archive = archive();
        Files.createDirectories(tmp.resolve("data"));
        Files.write(tmp.resolve("data/cifar-10-binary.tar.gz"), archive);
        extractInto(tmp.resolve("extracted/cifar-10-batches-bin"));
        Dataset fromFolder = cifar(IsolatedLocator.in(tmp).dataDir(tmp.resolve("extracted")).build(), archive).train();

        Dataset fromArchive = cifar(inDataDir(), archive).train();

        assertThat(fromArchive.size()).isEqualTo(5 * RECORDS);
        assertHoldsFiles(fromArchive, 0);
        assertThat(fromArchive.provenance()).isEqualTo(fromFolder.provenance())
                .contains("data_batch_1.bin sha256=" + Sha256.hex(batch(0)));
        assertHoldsFiles(cifar(inDataDir(), archive).test(), TEST_FILE);
    }

    @Test
    void usesTheArchiveWhenTheFolderLacksABatch() throws IOException {
        extractInto(tmp.resolve("data/cifar-10-batches-bin"));
        Files.delete(tmp.resolve("data/cifar-10-batches-bin/data_batch_4.bin"));
        byte[] archive = archive();
        Files.write(tmp.resolve("data/cifar-10-binary.tar.gz"), archive);

        assertHoldsFiles(cifar(inDataDir(), archive).train(), 0);
    }

    @Test
    void refusesAnArchiveThatIsNotThePublishedOne() throws IOException {
        Files.createDirectories(tmp.resolve("data/cifar10"));
        Path file = Files.write(tmp.resolve("data/cifar10/cifar-10-binary.tar.gz"), archive());

        assertThatThrownBy(() -> new Cifar10(inDataDir()).test())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file + " is not the published cifar10 cifar-10-binary.tar.gz")
                .hasMessageContaining("expected " + Cifar10.ARCHIVE_SHA256)
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFilesNameTheArchiveTheFoldersTheFlagAndTheUrl() {
        assertThatThrownBy(() -> new Cifar10(inDataDir()).train())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot find cifar10 cifar-10-binary.tar.gz in " + tmp.resolve("data/cifar10"))
                .hasMessageContaining(Cifar10.URL)
                .hasMessageContaining("--data-dir")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedBatchIsAOneLineErrorNamingIt() throws IOException {
        extractInto(tmp.resolve("data/cifar-10-batches-bin"));
        Path file = tmp.resolve("data/cifar-10-batches-bin/test_batch.bin");
        Files.write(file, Arrays.copyOf(batch(TEST_FILE), 3073 + 100));

        assertThatThrownBy(() -> cifar(inDataDir(), new byte[0]).test())
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + " is 3173 bytes, but a CIFAR-10 batch holds 2 records of 3073 bytes")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aBatchWithALabelAboveNineIsRefused() throws IOException {
        extractInto(tmp.resolve("data/cifar-10-batches-bin"));
        byte[] bad = batch(TEST_FILE);
        bad[3073] = 10;
        Path file = Files.write(tmp.resolve("data/cifar-10-batches-bin/test_batch.bin"), bad);

        assertThatThrownBy(() -> cifar(inDataDir(), new byte[0]).test())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file + " has label 10 in record 1");
    }

    @Test
    void aTruncatedArchiveOrOneWithoutTheBatchesIsRefused() throws IOException {
        byte[] archive = archive();
        byte[] cut = Arrays.copyOf(archive, archive.length / 2);
        Files.createDirectories(tmp.resolve("data"));
        Path file = Files.write(tmp.resolve("data/cifar-10-binary.tar.gz"), cut);

        assertThatThrownBy(() -> cifar(inDataDir(), cut).train())
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + " is a truncated archive");

        byte[] other = TarGzFixtures.archive("something-else", Map.of("notes.txt", "hello".getBytes()));
        Files.write(file, other);

        assertThatThrownBy(() -> cifar(inDataDir(), other).test())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file + " holds no test_batch.bin");
    }
}
