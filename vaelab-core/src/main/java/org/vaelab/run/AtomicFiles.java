package org.vaelab.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes that a crash cannot leave half done: write a temporary sibling, fsync it, rename it into place. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes a file's content into the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    public static void write(Path file, byte[] content) throws IOException {
        write(file, temporary -> Files.write(temporary, content));
    }

    /** Creates parent directories, lets {@code content} write a hidden sibling, then renames it to {@code file}. */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // Not Files.createTempFile: its owner-only permissions would carry over to the renamed file.
        Path temporary = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            content.writeTo(temporary);
            fsync(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            fsync(parent);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Flushes a file, or a directory's entries, to the disk. */
    public static void fsync(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // Some file systems refuse to open directories for fsync; the rename is still atomic there.
        }
    }
}
