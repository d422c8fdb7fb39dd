package org.vaelab.data.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsRawImagesBackExactly() {
        byte[] pixels = IdxFixtures.patternPixels(3, 4, 5);
        Path file = IdxFixtures.write(dir.resolve("images"), IdxFixtures.imagesContent(3, 4, 5, pixels));

        IdxImages images = IdxReader.readImages(file);

        assertThat(images.count()).isEqualTo(3);
        assertThat(images.rows()).isEqualTo(4);
        assertThat(images.cols()).isEqualTo(5);
        assertThat(images.pixels()).isEqualTo(pixels);
    }

    @Test
    void detectsGzipByContentNotName() {
        byte[] pixels = IdxFixtures.patternPixels(2, 3, 3);
        byte[] gz = IdxFixtures.gzip(IdxFixtures.imagesContent(2, 3, 3, pixels));
        // Deliberately misnamed both ways round.
        Path gzipWithoutSuffix = IdxFixtures.write(dir.resolve("images-idx3-ubyte"), gz);
        Path rawWithSuffix = IdxFixtures.write(dir.resolve("raw.gz"), IdxFixtures.imagesContent(2, 3, 3, pixels));

        assertThat(IdxReader.readImages(gzipWithoutSuffix).pixels()).isEqualTo(pixels);
        assertThat(IdxReader.readImages(rawWithSuffix).pixels()).isEqualTo(pixels);
    }

    @Test
    void readsLabelsRawAndGzipped() {
        byte[] labels = {0, 9, 3, (byte) 200};
        Path raw = IdxFixtures.write(dir.resolve("labels"), IdxFixtures.labelsContent(labels));
        Path gz = IdxFixtures.write(dir.resolve("labels.gz"), IdxFixtures.gzip(IdxFixtures.labelsContent(labels)));

        for (Path file : new Path[] {raw, gz}) {
            IdxLabels read = IdxReader.readLabels(file);
            assertThat(read.count()).isEqualTo(4);
            assertThat(read.label(1)).isEqualTo(9);
            assertThat(read.label(3)).isEqualTo(200);
        }
    }

    @Test
    void emptyImageFileIsValid() {
        Path file = IdxFixtures.write(dir.resolve("empty"), IdxFixtures.imagesContent(0, 28, 28, new byte[0]));
        assertThat(IdxReader.readImages(file).count()).isZero();
    }

    @Test
    void wrongMagicNamesFileAndFix() {
        Path labels = IdxFixtures.write(dir.resolve("labels"), IdxFixtures.labelsContent(new byte[] {1, 2}));

        assertThatThrownBy(() -> IdxReader.readImages(labels))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("magic number 0x00000801")
                .hasMessageContaining("label file")
                .hasMessageContaining("expected 0x00000803")
                .hasMessageContaining("--data-dir");

        Path html = IdxFixtures.write(dir.resolve("page.html"), "<html>not found</html>".getBytes());
        assertThatThrownBy(() -> IdxReader.readLabels(html))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(html.toString())
                .hasMessageContaining("not an IDX label file");
    }

    @Test
    void truncatedRawFileSaysSo() {
        byte[] content = IdxFixtures.imagesContent(4, 2, 2, IdxFixtures.patternPixels(4, 2, 2));
        Path file = IdxFixtures.write(dir.resolve("short"), Arrays.copyOf(content, content.length - 3));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("4 images of 2x2 pixels")
                .hasMessageContaining("re-download");
    }

    @Test
    void fileCutInsideHeaderIsTruncated() {
        byte[] content = IdxFixtures.imagesContent(1, 2, 2, new byte[4]);
        Path file = IdxFixtures.write(dir.resolve("header"), Arrays.copyOf(content, 10));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("truncated inside its 16-byte header");
    }

    @Test
    void truncatedGzipSaysSo() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.imagesContent(50, 8, 8, IdxFixtures.patternPixels(50, 8, 8)));
        Path file = IdxFixtures.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated gzip")
                .hasMessageContaining("re-download");
    }

    @Test
    void headerDeclaringFewerItemsThanStoredIsASizeMismatch() {
        byte[] labels = {1, 2, 3, 4, 5};
        byte[] content = IdxFixtures.labelsContent(labels);
        ByteBuffer.wrap(content).putInt(4, 3); // header now claims 3 labels, 5 are present
        Path file = IdxFixtures.write(dir.resolve("labels"), content);

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not match its header")
                .hasMessageContaining("3 labels")
                .hasMessageContaining("13 bytes");
    }

    @Test
    void headerDeclaringMoreImagesThanStoredIsTruncation() {
        byte[] content = IdxFixtures.imagesContent(2, 3, 3, IdxFixtures.patternPixels(2, 3, 3));
        ByteBuffer.wrap(content).putInt(4, 1000);
        Path file = IdxFixtures.write(dir.resolve("images"), content);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("1000 images of 3x3 pixels")
                .hasMessageContaining("truncated");
    }

    @Test
    void negativeDimensionIsRefused() {
        byte[] content = IdxFixtures.imagesContent(1, 2, 2, new byte[4]);
        ByteBuffer.wrap(content).putInt(8, -2);
        Path file = IdxFixtures.write(dir.resolve("neg"), content);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("negative row count");
    }

    @Test
    void missingFileIsAUserError() {
        Path file = dir.resolve("absent");
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not exist");
    }
}
