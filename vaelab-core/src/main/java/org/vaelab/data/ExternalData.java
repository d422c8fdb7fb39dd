package org.vaelab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.vaelab.UserInputException;
import org.vaelab.data.npy.NpyDtype;
import org.vaelab.data.npy.NpyFile;

/** The user's own data for encoding: an .npy array or a folder of images, read on demand. */
public final class ExternalData {
    private ExternalData() {
    }

    public static Dataset open(Path input) {
        if (Files.isDirectory(input)) {
            return imageFolder(input);
        }
        if (!Files.isRegularFile(input)) {
            throw new UserInputException(input + " does not exist; give an .npy file or a folder of images");
        }
        return npy(input);
    }

    /** Rows of an [n, D], [n, H, W] or [n, C, H, W] array; uint8 values are divided by 255. */
    static Dataset npy(Path path) {
        NpyFile file;
        try {
            file = NpyFile.open(path);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + path + ": " + e.getMessage());
        }
        long[] s = file.shape();
        Dataset.Shape shape = switch (s.length) {
            case 2 -> Dataset.Shape.flat((int) s[1]);
            case 3 -> new Dataset.Shape(1, (int) s[1], (int) s[2]);
            case 4 -> new Dataset.Shape((int) s[1], (int) s[2], (int) s[3]);
            default -> throw new UserInputException(path + " has " + s.length + " dimensions; expected [n, D], "
                    + "[n, H, W] or [n, C, H, W]");
        };
        boolean bytes = file.dtype() == NpyDtype.UINT8;
        float scale = bytes ? 1f / 255f : 1f;
        return new Rows(path.getFileName().toString(), (int) s[0], shape,
                bytes ? ValueKind.EIGHT_BIT : ValueKind.REAL, "file " + path.toAbsolutePath(), (index, out, offset) -> {
                    file.readRows(index, 1, out, offset);
                    if (scale != 1f) {
                        for (int k = offset; k < offset + shape.size(); k++) {
                            out[k] *= scale;
                        }
                    }
                });
    }

    /** PNG, JPEG, GIF or BMP files sorted by name, all of one size; colour is averaged to grey. */
    static Dataset imageFolder(Path dir) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|gif|bmp)")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new UserInputException(dir + " holds no .png, .jpg, .gif or .bmp images");
        }
        BufferedImage first = read(files.get(0));
        Dataset.Shape shape = new Dataset.Shape(1, first.getHeight(), first.getWidth());
        return new Rows(dir.getFileName().toString(), files.size(), shape, ValueKind.EIGHT_BIT,
                "image folder " + dir.toAbsolutePath(), (index, out, offset) -> {
                    BufferedImage image = read(files.get(index));
                    if (image.getWidth() != shape.width() || image.getHeight() != shape.height()) {
                        throw new UserInputException(files.get(index) + " is " + image.getWidth() + "x"
                                + image.getHeight() + " but the first image is " + shape.width() + "x"
                                + shape.height() + "; all images must have one size");
                    }
                    for (int y = 0; y < shape.height(); y++) {
                        for (int x = 0; x < shape.width(); x++) {
                            int rgb = image.getRGB(x, y);
                            int grey = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
                            out[offset + y * shape.width() + x] = grey / 255f;
                        }
                    }
                });
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new UserInputException(file + " is not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads example {@code index} into {@code out} at {@code offset}. */
    @FunctionalInterface
    private interface RowReader {
        void read(int index, float[] out, int offset);
    }

    private record Rows(String name, int size, Shape shape, ValueKind valueKind, String provenance, RowReader reader)
            implements Dataset {
        @Override
        public void fill(int[] indices, float[] out, SplittableRandom rng) {
            for (int i = 0; i < indices.length; i++) {
                reader.read(indices[i], out, i * shape.size());
            }
        }
    }
}
