package org.vaelab.data.files;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A downloaded file not yet accepted, kept under a unique ".part" name in the folder it will be kept in:
 * concurrent runs never see a half-written file, and the final rename stays on one file system so it can be
 * atomic. Closing removes the partial file unless it was kept.
 */
public final class PartialDownload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartialDownload.class);

    private Path path;

    private PartialDownload(Path path) {
        this.path = path;
    }

    /** Fetches {@code url} into a new partial file for {@code fileName} in {@code folder}. */
    public static PartialDownload fetch(Downloader downloader, URI url, Path folder, String fileName)
            throws IOException {
        PartialDownload partial = new PartialDownload(Files.createTempFile(folder, fileName + ".", ".part"));
        try {
            downloader.fetch(url, partial.path);
            return partial;
        } catch (IOException | RuntimeException e) {
            partial.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** Moves the accepted download to {@code target}, replacing what is there. */
    public void keepAs(Path target) throws IOException {
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
        path = null;
    }

    @Override
    public void close() {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("could not remove partial download {}: {}", path, e.toString());
        }
    }

    /** Why a download failed, for a message. */
    public static String reason(IOException e) {
        // Connection failures often carry no message; the class name still tells "no network" from "HTTP 404".
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
