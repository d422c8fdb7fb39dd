package org.vaelab.data.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;

class NpyRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void float32() throws IOException {
        float[] data = {0f, -0f, 1.5f, Float.NaN, Float.MAX_VALUE, Float.MIN_VALUE, Float.NEGATIVE_INFINITY, -3f};
        NpyArray back = roundTrip(NpyArray.of(data, 2, 4));

        assertThat(back.dtype()).isEqualTo(NpyDtype.FLOAT32);
        assertThat(back.shape()).containsExactly(2, 4);
        for (int i = 0; i < data.length; i++) {
            assertThat(Float.floatToRawIntBits(back.floats()[i])).isEqualTo(Float.floatToRawIntBits(data[i]));
        }
    }

    @Test
    void float64() throws IOException {
        double[] data = {Math.PI, -0d, Double.NaN, Double.MAX_VALUE, Double.MIN_VALUE, 1e-300};
        NpyArray back = roundTrip(NpyArray.of(data, 3, 1, 2));

        assertThat(back.dtype()).isEqualTo(NpyDtype.FLOAT64);
        assertThat(back.shape()).containsExactly(3, 1, 2);
        assertThat(back.doubles()).containsExactly(data);
    }

    @Test
    void int32() throws IOException {
        int[] data = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
        NpyArray back = roundTrip(NpyArray.of(data, 5));

        assertThat(back.dtype()).isEqualTo(NpyDtype.INT32);
        assertThat(back.ints()).containsExactly(data);
    }

    @Test
    void int64() throws IOException {
        long[] data = {Long.MIN_VALUE, -1, 0, 1L << 40, Long.MAX_VALUE, 7};
        NpyArray back = roundTrip(NpyArray.of(data, 2, 3));

        assertThat(back.dtype()).isEqualTo(NpyDtype.INT64);
        assertThat(back.longs()).containsExactly(data);
    }

    @Test
    void uint8() throws IOException {
        byte[] data = {0, 1, 127, (byte) 128, (byte) 255, 42};
        NpyArray back = roundTrip(NpyArray.of(data, 1, 6));

        assertThat(back.dtype()).isEqualTo(NpyDtype.UINT8);
        assertThat(back.bytes()).containsExactly(data);
        assertThat(back.toFloats()).containsExactly(0f, 1f, 127f, 128f, 255f, 42f);
    }

    @Test
    void scalarsAndEmptyArrays() throws IOException {
        assertThat(roundTrip(NpyArray.of(new double[] {2.5})).doubles()).containsExactly(2.5);
        assertThat(roundTrip(NpyArray.of(new double[] {2.5})).shape()).isEmpty();
        assertThat(roundTrip(NpyArray.of(new float[0], 0, 10)).shape()).containsExactly(0, 10);
        assertThat(roundTrip(NpyArray.of(new float[0], 4, 0)).shape()).containsExactly(4, 0);
    }

    @Test
    void dataFollowsTheHeaderWithNothingAfterIt() throws IOException {
        Path file = dir.resolve("a.npy");
        Npy.write(file, NpyArray.of(new int[] {1, 2, 3}, 3));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).hasSize(128 + 12);
        ByteBuffer data = ByteBuffer.wrap(bytes, 128, 12).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new int[] {data.getInt(), data.getInt(), data.getInt()}).containsExactly(1, 2, 3);
    }

    @Test
    void streamsRowsInBatchesAndReadsThemBackAcrossMappingBoundaries() throws IOException {
        int rows = 101;
        int width = 10;
        Path file = dir.resolve("nested/dir/codes.npy");
        try (NpyWriter out = NpyWriter.create(file, NpyDtype.FLOAT32, rows, width)) {
            float[] batch = new float[16 * width];
            for (int row = 0; row < rows; row += 16) {
                int batchRows = Math.min(16, rows - row);
                for (int i = 0; i < batchRows * width; i++) {
                    batch[i] = row * width + i;
                }
                out.writeRows(batch, 0, batchRows * width);
            }
            assertThat(out.rowsWritten()).isEqualTo(rows);
        }

        // 28-byte chunks hold 7 floats, so most rows of 10 straddle two mappings.
        try (NpyFile npy = NpyFile.open(file, 30)) {
            assertThat(npy.rowCount()).isEqualTo(rows);
            assertThat(npy.rowLength()).isEqualTo(width);
            float[] some = new float[3 * width + 1];
            npy.readRows(57, 3, some, 1);
            for (int i = 0; i < 3 * width; i++) {
                assertThat(some[1 + i]).isEqualTo(57 * width + i);
            }
            double[] all = new double[rows * width];
            npy.readRows(0, rows, all, 0);
            for (int i = 0; i < all.length; i++) {
                assertThat(all[i]).isEqualTo(i);
            }
        }
    }

    @Test
    void convertsOnRead() throws IOException {
        Path file = dir.resolve("labels.npy");
        Npy.write(file, NpyArray.of(new long[] {3, 1, 4, 1, 5, 9}, 6));

        try (NpyFile npy = NpyFile.open(file)) {
            int[] ints = new int[6];
            npy.readRows(0, 6, ints, 0);
            assertThat(ints).containsExactly(3, 1, 4, 1, 5, 9);
            float[] floats = new float[2];
            npy.readRows(4, 2, floats, 0);
            assertThat(floats).containsExactly(5f, 9f);
        }
    }

    @Test
    void readsAFileLargerThan2GiBByRows() throws IOException {
        // A sparse file: only the header and the rows written below take disk space.
        int width = 10;
        long rows = 60_000_000L; // 2.4 GB of float32
        NpyHeader header = new NpyHeader(NpyDtype.FLOAT32, rows, width);
        byte[] encoded = header.encode();
        Path file = dir.resolve("big.npy");
        long[] probeRows = {0, 26_843_545, 26_843_546, 53_687_091, rows - 1}; // around 1 GiB and 2 GiB of data
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(encoded);
            raf.setLength(encoded.length + header.dataByteCount());
            for (long row : probeRows) {
                raf.seek(encoded.length + row * width * 4);
                float[] values = new float[width];
                for (int i = 0; i < width; i++) {
                    values[i] = row + i / 10f;
                }
                raf.write(RawNpy.littleEndianFloats(values));
            }
        }

        try (NpyFile npy = NpyFile.open(file).requireRank(2)) {
            assertThat(npy.rowCount()).isEqualTo(rows);
            for (long row : probeRows) {
                float[] values = new float[width];
                npy.readRows(row, 1, values, 0);
                for (int i = 0; i < width; i++) {
                    assertThat(values[i]).as("row %d element %d", row, i).isEqualTo(row + i / 10f);
                }
            }
            float[] pair = new float[2 * width];
            npy.readRows(26_843_545, 2, pair, 0);
            assertThat(pair[width]).isEqualTo(26_843_546f);
        }
    }

    @Test
    void refusesToLoadMoreElementsThanAJavaArrayHolds() throws IOException {
        NpyHeader header = new NpyHeader(NpyDtype.UINT8, 3_000_000_000L);
        Path file = dir.resolve("huge.npy");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header.encode());
            raf.setLength(header.encode().length + header.dataByteCount());
        }

        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("3000000000 elements").hasMessageContaining("row by row");
    }

    @Test
    void writerReplacesTheTargetOnlyWhenComplete() throws IOException {
        Path file = dir.resolve("x.npy");
        Npy.write(file, NpyArray.of(new int[] {1}, 1));
        byte[] before = Files.readAllBytes(file);

        NpyWriter out = NpyWriter.create(file, NpyDtype.INT32, 2, 2);
        out.writeRows(new int[] {5, 6});
        assertThatThrownBy(out::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 of 4");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void writerRejectsMisuse() throws IOException {
        try (NpyWriter out = NpyWriter.create(dir.resolve("y.npy"), NpyDtype.FLOAT32, 2, 3)) {
            assertThatThrownBy(() -> out.writeRows(new double[3])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("float32");
            assertThatThrownBy(() -> out.writeRows(new float[4])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole rows");
            assertThatThrownBy(() -> out.writeRows(new float[9])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exceed");
            out.writeRows(new float[6]);
        }
        assertThat(Npy.read(dir.resolve("y.npy")).floats()).containsOnly(0f);
    }

    @Test
    void arrayRejectsDataThatDoesNotFillTheShape() {
        assertThatThrownBy(() -> NpyArray.of(new float[5], 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpyArray.of(new float[5], 5).ints()).isInstanceOf(IllegalStateException.class);
    }

    private NpyArray roundTrip(NpyArray array) throws IOException {
        Path file = dir.resolve("roundtrip-" + array.dtype().numpyName() + ".npy");
        Npy.write(file, array);
        assertThat(Files.size(file) % 64).isEqualTo(array.elementCount() * array.dtype().byteSize() % 64);
        return Npy.read(file);
    }
}
