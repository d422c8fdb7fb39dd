package org.vaelab.data.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;

class DataFileLocatorTest {

    private static final byte[] CONTENT = "GOOD DATA".getBytes(StandardCharsets.US_ASCII);
    private static final String URL = "https://example.org/sets/thing.dat";
    private static final FormatCheck STARTS_GOOD = file -> {
        try {
            if (!Files.readString(file).startsWith("GOOD")) {
                throw new UserInputException(file + " does not start with GOOD");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    };
    private static final DataFile UNPUBLISHED = DataFile.downloadable("things", "thing.dat", Optional.empty(), URL,
            STARTS_GOOD);
    private static final DataFile PUBLISHED = DataFile.downloadable("things", "thing.dat",
            Optional.of(Sha256.hex(CONTENT)), URL, STARTS_GOOD);

    @TempDir
    Path tmp;

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private DataFileLocator.Builder servingBytes(byte[] body) {
        return IsolatedLocator.in(tmp).downloader((url, target) -> Files.write(target, body));
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void searchesDataDirThenEnvironmentThenCacheEachWithItsDatasetFolderFirst() {
        DataFileLocator locator = IsolatedLocator.inDataDir(tmp)
                .environment(Map.of(DataFolders.DATA_ENV, tmp.resolve("env").toString())).build();

        assertThat(locator.searchDirectories("things")).containsExactly(tmp.resolve("data/things"),
                tmp.resolve("data"), tmp.resolve("env/things"), tmp.resolve("env"), tmp.resolve("cache/things"));
    }

    @Test
    void findsTheFileInTheFirstFolderThatHasItWithItsSha256() throws IOException {
        Path inData = write("data/thing.dat", CONTENT);
        write("cache/things/thing.dat", CONTENT);

        LocatedFile found = IsolatedLocator.inDataDir(tmp).build().locate(PUBLISHED);

        assertThat(found.path()).isEqualTo(inData);
        assertThat(found.sha256()).isEqualTo(Sha256.hex(CONTENT));
    }

    @Test
    void refusesALocalFileThatDiffersFromThePublishedSha256() throws IOException {
        Path file = write("data/things/thing.dat", "OTHER".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> IsolatedLocator.inDataDir(tmp).build().locate(PUBLISHED))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected " + Sha256.hex(CONTENT))
                .hasMessageNotContaining("\n");
    }

    @Test
    void downloadsIntoTheCacheAndRecordsTheSha256WhenNoneIsPublished() throws IOException {
        LocatedFile got = servingBytes(CONTENT).build().locate(UNPUBLISHED);

        Path target = tmp.resolve("cache/things/thing.dat");
        assertThat(got).isEqualTo(new LocatedFile(target, Sha256.hex(CONTENT)));
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
        assertThat(Files.readString(tmp.resolve("cache/things/thing.dat.sha256")))
                .isEqualTo(Sha256.hex(CONTENT) + "  thing.dat\n");
        assertThat(cacheFiles()).hasSize(2);
    }

    @Test
    void aRecordedSha256CatchesALaterChangeToTheFile() throws IOException {
        DataFileLocator locator = servingBytes(CONTENT).build();
        Path target = locator.locate(UNPUBLISHED).path();
        Files.write(target, "GOOD BUT CHANGED".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> locator.locate(UNPUBLISHED))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(target + " has changed since it was downloaded")
                .hasMessageContaining(target + ".sha256");
    }

    @Test
    void doesNotRecordTheSha256OfAFileWithAPublishedOne() throws IOException {
        servingBytes(CONTENT).build().locate(PUBLISHED);

        assertThat(cacheFiles()).containsExactly(tmp.resolve("cache/things/thing.dat"));
    }

    @Test
    void aDownloadThatFailsItsFormatCheckIsNotKept() throws IOException {
        assertThatThrownBy(() -> servingBytes("<html>moved</html>".getBytes(StandardCharsets.US_ASCII)).build()
                .locate(UNPUBLISHED))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot get things thing.dat from " + URL)
                .hasMessageContaining("does not start with GOOD")
                .hasMessageNotContaining("\n");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void aDownloadThatDiffersFromThePublishedSha256IsNotKept() throws IOException {
        byte[] other = "GOOD BUT OTHER".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> servingBytes(other).build().locate(PUBLISHED))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("its SHA-256 is " + Sha256.hex(other) + " instead of the published "
                        + Sha256.hex(CONTENT));
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void offlineItNamesTheFileTheFoldersTheFlagAndTheUrl() {
        DataFileLocator locator = IsolatedLocator.inDataDir(tmp)
                .environment(Map.of(DataFolders.OFFLINE_ENV, "1")).build();

        assertThatThrownBy(() -> locator.locate(UNPUBLISHED))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot find things thing.dat in " + tmp.resolve("data/things") + ", "
                        + tmp.resolve("data") + ", " + tmp.resolve("cache/things"))
                .hasMessageContaining("$VAELAB_OFFLINE is set")
                .hasMessageContaining("download " + URL + " into DIR/things/ and pass --data-dir DIR")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFailedDownloadNamesTheUrlTheReasonAndTheFix() {
        DataFileLocator locator = IsolatedLocator.in(tmp).downloader((url, target) -> {
            throw new IOException("no route to host");
        }).build();

        assertThatThrownBy(() -> locator.locate(UNPUBLISHED))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot get things thing.dat from " + URL + " (no route to host)")
                .hasMessageContaining("--data-dir")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileThatOnlyComesFromAnArchiveIsNeverDownloaded() {
        DataFile extracted = DataFile.localOnly("things", "folder/part.bin");

        assertThat(extracted.url()).isEmpty();
        assertThat(extracted.fileName()).isEqualTo("part.bin");
        assertThatThrownBy(() -> IsolatedLocator.in(tmp).build().locate(extracted))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot find things folder/part.bin")
                .hasMessageNotContaining("OFFLINE");
    }
}
