package org.vaelab.data.npy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;

class NpyErrorTest {

    @TempDir
    Path dir;

    @Test
    void badMagic() throws IOException {
        Path file = RawNpy.write(dir.resolve("text.npy"), "x,y\n1,2\n".getBytes(StandardCharsets.US_ASCII));

        assertUserError(file).hasMessageContaining("text.npy is not a NumPy .npy file");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = RawNpy.write(dir.resolve("empty.npy"));

        assertUserError(file).hasMessageContaining("not a NumPy .npy file (it is empty)");
    }

    @Test
    void npzArchive() throws IOException {
        Path file = RawNpy.write(dir.resolve("arrays.npy"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0});

        assertUserError(file).hasMessageContaining("zip archive");
    }

    @Test
    void fortranOrder() throws IOException {
        Path file = write("f.npy", RawNpy.dict("<f4", true, "(2, 3)"), 24);

        assertUserError(file).hasMessageContaining("Fortran").hasMessageContaining("np.ascontiguousarray");
    }

    @Test
    void objectDtype() throws IOException {
        Path file = write("o.npy", RawNpy.dict("|O", false, "(2,)"), 16);

        assertUserError(file).hasMessageContaining("Python objects").hasMessageContaining("'|O'")
                .hasMessageContaining("float32, float64, int32, int64, uint8");
    }

    @Test
    void unsupportedDtypeIsNamed() throws IOException {
        Path file = write("h.npy", RawNpy.dict("<f2", false, "(2,)"), 4);

        assertUserError(file).hasMessageContaining("unsupported dtype float16 ('<f2')")
                .hasMessageContaining("supported: float32, float64, int32, int64, uint8");
    }

    @Test
    void structuredDtype() throws IOException {
        Path file = write("s.npy", "{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }",
                8);

        assertUserError(file).hasMessageContaining("structured dtype");
    }

    @Test
    void bigEndian() throws IOException {
        Path file = write("be.npy", RawNpy.dict(">f8", false, "(1,)"), 8);

        assertUserError(file).hasMessageContaining("big-endian").hasMessageContaining("astype('<f8')");
    }

    @Test
    void truncatedData() throws IOException {
        Path file = write("t.npy", RawNpy.dict("<f4", false, "(3, 2)"), 20);

        assertUserError(file).hasMessageContaining("t.npy is truncated").hasMessageContaining("needs 24")
                .hasMessageContaining("holds 20");
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] header = RawNpy.header(1, RawNpy.dict("<f4", false, "(3, 2)"));
        Path file = RawNpy.write(dir.resolve("th.npy"), Arrays.copyOf(header, 40));

        assertUserError(file).hasMessageContaining("ends inside the .npy header");
    }

    @Test
    void malformedHeader() throws IOException {
        Path file = write("m.npy", "{'descr': '<f4', 'shape': (3, 2), }", 24);

        assertUserError(file).hasMessageContaining("malformed .npy header (no 'fortran_order' key)");
    }

    @Test
    void unknownVersion() throws IOException {
        byte[] header = RawNpy.header(1, RawNpy.dict("<f4", false, "(1,)"));
        header[6] = 9;
        Path file = RawNpy.write(dir.resolve("v9.npy"), header, new byte[4]);

        assertUserError(file).hasMessageContaining("version 9.0");
    }

    @Test
    void wrongRank() throws IOException {
        Path file = write("r.npy", RawNpy.dict("<f4", false, "(2, 3, 4)"), 96);

        assertThatThrownBy(() -> Npy.read(file, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("r.npy has shape (2, 3, 4); expected a 2-dimensional array");
    }

    @Test
    void missingFile() {
        assertUserError(dir.resolve("nope.npy")).hasMessageContaining("no such file");
    }

    @Test
    void integerReadOfFloats() throws IOException {
        Path file = write("fl.npy", RawNpy.dict("<f4", false, "(2,)"), 8);

        try (NpyFile npy = NpyFile.open(file)) {
            assertThatThrownBy(() -> npy.readRows(0, 2, new int[2], 0)).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("holds float32 values; expected integers");
        }
    }

    @Test
    void int64ValueTooLargeForInt() throws IOException {
        Path file = dir.resolve("big-label.npy");
        Npy.write(file, NpyArray.of(new long[] {1, 1L << 33}, 2));

        try (NpyFile npy = NpyFile.open(file)) {
            assertThatThrownBy(() -> npy.readRows(0, 2, new int[2], 0)).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("8589934592");
        }
    }

    private Path write(String name, String dict, int dataBytes) throws IOException {
        return RawNpy.write(dir.resolve(name), RawNpy.header(1, dict), new byte[dataBytes]);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertUserError(Path file) {
        return assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageNotContaining("\n");
    }
}
