package org.vaelab.data.cifar;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.vaelab.UserInputException;

/**
 * Reads chosen regular files out of a gzip-compressed tar archive in one pass, with the JDK alone. Members are
 * matched by their base name, which a ustar header always keeps whole in its name field (only leading folders go
 * to the prefix field). Enough of tar for the CIFAR-10 archive; not a general extractor.
 */
final class TarGzArchive {

    private static final int BLOCK = 512;
    private static final int SIZE_OFFSET = 124;
    private static final int SIZE_LENGTH = 12;
    private static final int TYPE_OFFSET = 156;

    private TarGzArchive() {
    }

    /** Calls {@code reader} with (base name, content) for every regular file whose base name {@code wanted} accepts. */
    static void read(Path archive, Predicate<String> wanted, BiConsumer<String, byte[]> reader) {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && !isZero(header)) {
                long size = size(header, archive);
                String name = baseName(header);
                boolean regular = header[TYPE_OFFSET] == '0' || header[TYPE_OFFSET] == 0;
                if (regular && wanted.test(name)) {
                    if (size > Integer.MAX_VALUE - 16) {
                        throw new UserInputException(archive + ": member " + name + " is too large (" + size
                                + " bytes); " + Cifar10.FIX);
                    }
                    byte[] content = in.readNBytes((int) size);
                    if (content.length != size) {
                        throw new EOFException();
                    }
                    reader.accept(name, content);
                } else {
                    in.skipNBytes(size);
                }
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
            }
        } catch (EOFException e) {
            throw new UserInputException(archive + " is a truncated archive (the download was probably cut short); "
                    + Cifar10.FIX, e);
        } catch (ZipException e) {
            throw new UserInputException(archive + " is not a valid .tar.gz file (" + e.getMessage() + "); "
                    + Cifar10.FIX, e);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + archive + " (" + e.getMessage() + "); " + Cifar10.FIX, e);
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String baseName(byte[] header) {
        int end = 0;
        while (end < 100 && header[end] != 0) {
            end++;
        }
        String name = new String(header, 0, end, StandardCharsets.UTF_8);
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The member size: octal digits, padded with spaces or NULs. */
    private static long size(byte[] header, Path archive) {
        long size = 0;
        for (int i = SIZE_OFFSET; i < SIZE_OFFSET + SIZE_LENGTH; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                size = size * 8 + (b - '0');
            } else if (b != ' ' && b != 0) {
                throw new UserInputException(archive + " has a tar header with an unreadable size; " + Cifar10.FIX);
            }
        }
        return size;
    }
}
