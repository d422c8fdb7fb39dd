package org.vaelab.data.idx;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.vaelab.UserInputException;
import org.vaelab.data.files.DataFolders;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, gzip-compressed or raw. Compression is told by the
 * gzip magic bytes rather than the file name, because mirrors and packages disagree about names.
 * Every defect is a {@link UserInputException} naming the file, the defect and what to do.
 */
public final class IdxReader {

    /** Magic of an image file: unsigned bytes, three dimensions (count, rows, cols). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic of a label file: unsigned bytes, one dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;

    static final String FIX = DataFolders.REPLACE_FIX;

    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;

    private IdxReader() {
    }

    public static IdxImages readImages(Path file) {
        return parseImages(readContent(file), file);
    }

    public static IdxLabels readLabels(Path file) {
        return parseLabels(readContent(file), file);
    }

    /** The IDX bytes of {@code file}: decompressed when it starts with the gzip magic, as stored otherwise. */
    public static byte[] readContent(Path file) {
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist; check the path or point --data-dir elsewhere", e);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + " (" + e.getMessage() + "); check its permissions, or "
                    + FIX, e);
        }
        if (!isGzip(stored)) {
            return stored;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new UserInputException(file + " is a truncated gzip file (the download was probably cut short); "
                    + FIX, e);
        } catch (ZipException e) {
            throw new UserInputException(file + " is a corrupt gzip file (" + e.getMessage() + "); " + FIX, e);
        } catch (IOException e) {
            throw new UserInputException("cannot decompress " + file + " (" + e.getMessage() + "); " + FIX, e);
        }
    }

    /** Whether the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isGzip(in.readNBytes(2));
        }
    }

    public static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** Parses the (already decompressed) bytes of an image file; {@code source} only names it in errors. */
    public static IdxImages parseImages(byte[] content, Path source) {
        requireHeader(content, IMAGES_HEADER_BYTES, IMAGES_MAGIC, "image", source);
        int count = dimension(content, 4, "image count", source);
        int rows = dimension(content, 8, "row count", source);
        int cols = dimension(content, 12, "column count", source);
        if (rows == 0 || cols == 0) {
            throw new UserInputException(source + " declares empty images of " + rows + "x" + cols + " pixels; " + FIX);
        }
        long bodyBytes = (long) count * rows * cols;
        requireLength(content, IMAGES_HEADER_BYTES, bodyBytes,
                count + " images of " + rows + "x" + cols + " pixels", source);
        byte[] pixels = new byte[(int) bodyBytes];
        System.arraycopy(content, IMAGES_HEADER_BYTES, pixels, 0, pixels.length);
        return new IdxImages(count, rows, cols, pixels);
    }

    /** Parses the (already decompressed) bytes of a label file; {@code source} only names it in errors. */
    public static IdxLabels parseLabels(byte[] content, Path source) {
        requireHeader(content, LABELS_HEADER_BYTES, LABELS_MAGIC, "label", source);
        int count = dimension(content, 4, "label count", source);
        requireLength(content, LABELS_HEADER_BYTES, count, count + " labels", source);
        byte[] labels = new byte[count];
        System.arraycopy(content, LABELS_HEADER_BYTES, labels, 0, count);
        return new IdxLabels(labels);
    }

    private static void requireHeader(byte[] content, int headerBytes, int magic, String kind, Path source) {
        if (content.length < 4) {
            throw new UserInputException(source + " is truncated: " + content.length
                    + " bytes, too short for an IDX header; " + FIX);
        }
        int found = readInt(content, 0);
        if (found != magic) {
            String hint = found == IMAGES_MAGIC ? " (it is an image file)"
                    : found == LABELS_MAGIC ? " (it is a label file)" : " (not an IDX " + kind + " file)";
            throw new UserInputException(source + " has magic number " + hex(found) + hint + ", expected "
                    + hex(magic) + " for an IDX " + kind + " file; " + FIX);
        }
        if (content.length < headerBytes) {
            throw new UserInputException(source + " is truncated inside its " + headerBytes + "-byte header ("
                    + content.length + " bytes); " + FIX);
        }
    }

    private static int dimension(byte[] content, int offset, String what, Path source) {
        int value = readInt(content, offset);
        if (value < 0) {
            throw new UserInputException(source + " declares a negative " + what + " (" + value + "); " + FIX);
        }
        return value;
    }

    private static void requireLength(byte[] content, int headerBytes, long bodyBytes, String declared, Path source) {
        long expected = headerBytes + bodyBytes;
        if (expected > Integer.MAX_VALUE - 16) {
            throw new UserInputException(source + " declares " + declared + ", more than this reader can hold; " + FIX);
        }
        if (content.length < expected) {
            throw new UserInputException(source + " is truncated: its header declares " + declared + " ("
                    + expected + " bytes) but it has only " + content.length + " bytes; " + FIX);
        }
        if (content.length > expected) {
            throw new UserInputException(source + " does not match its header: it declares " + declared + " ("
                    + expected + " bytes) but has " + content.length + " bytes; " + FIX);
        }
    }

    private static int readInt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
