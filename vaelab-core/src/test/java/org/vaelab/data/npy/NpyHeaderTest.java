package org.vaelab.data.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyHeaderTest {

    @TempDir
    Path dir;

    @Test
    void encodesExactlyAsNumpySaveDoes() {
        byte[] expected = RawNpy.header(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }");

        byte[] actual = new NpyHeader(NpyDtype.FLOAT32, 3, 2).encode();

        assertThat(actual).hasSize(128).isEqualTo(expected);
        assertThat(actual[8]).isEqualTo((byte) 118); // header length 118, little-endian
        assertThat(actual[9]).isEqualTo((byte) 0);
    }

    @Test
    void dataStartsOnA64ByteBoundaryForAnyShape() {
        for (long[] shape : new long[][] {{}, {7}, {737_280, 10}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}}) {
            byte[] encoded = new NpyHeader(NpyDtype.UINT8, shape).encode();
            assertThat(encoded.length % 64).as("shape %s", (Object) shape).isZero();
            assertThat(encoded[encoded.length - 1]).isEqualTo((byte) '\n');
        }
    }

    @Test
    void writesPythonTupleSyntaxForShapes() {
        assertThat(new NpyHeader(NpyDtype.FLOAT64).shapeString()).isEqualTo("()");
        assertThat(new NpyHeader(NpyDtype.FLOAT64, 5).shapeString()).isEqualTo("(5,)");
        assertThat(new NpyHeader(NpyDtype.FLOAT64, 3, 2).shapeString()).isEqualTo("(3, 2)");
    }

    @Test
    void readsWhatItEncodesAndStopsAtTheData() throws IOException {
        NpyHeader header = new NpyHeader(NpyDtype.INT64, 4, 5, 6);
        byte[] encoded = header.encode();
        byte[] withData = Arrays.copyOf(encoded, encoded.length + 1);
        withData[encoded.length] = 42;

        ReadableByteChannel in = Channels.newChannel(new ByteArrayInputStream(withData));
        assertThat(NpyHeader.read(in, "x.npy")).isEqualTo(header);
        ByteBuffer next = ByteBuffer.allocate(1);
        in.read(next);
        assertThat(next.get(0)).isEqualTo((byte) 42);
    }

    @Test
    void readsVersion2Headers() throws IOException {
        Path file = RawNpy.write(dir.resolve("v2.npy"),
                RawNpy.header(2, RawNpy.dict("<f4", false, "(2, 1)")), RawNpy.littleEndianFloats(1.5f, -2f));

        try (NpyFile npy = NpyFile.open(file)) {
            assertThat(npy.shape()).containsExactly(2, 1);
            float[] values = new float[2];
            npy.readRows(0, 2, values, 0);
            assertThat(values).containsExactly(1.5f, -2f);
        }
    }

    @Test
    void acceptsAnyKeyOrderSpacingAndPython2Longs() throws IOException {
        String dict = "{\"shape\":(2L,),'fortran_order':False,'descr':'<f4'}";
        Path file = RawNpy.write(dir.resolve("odd.npy"), RawNpy.header(1, dict), RawNpy.littleEndianFloats(1, 2));

        assertThat(Npy.read(file).floats()).containsExactly(1f, 2f);
    }

    @Test
    void acceptsFortranOrderWhenTheLayoutIsTheSameAsC() throws IOException {
        Path file = RawNpy.write(dir.resolve("f.npy"), RawNpy.header(1, RawNpy.dict("<f4", true, "(1, 3)")),
                RawNpy.littleEndianFloats(1, 2, 3));

        assertThat(Npy.read(file).floats()).containsExactly(1f, 2f, 3f);
    }

    @Test
    void acceptsUint8WrittenWithAnExplicitByteOrder() throws IOException {
        Path file = RawNpy.write(dir.resolve("u.npy"), RawNpy.header(1, RawNpy.dict("<u1", false, "(2,)")),
                new byte[] {(byte) 200, 7});

        assertThat(Npy.read(file).toFloats()).containsExactly(200f, 7f);
        assertThat(Files.size(file)).isEqualTo(130);
    }
}
