package org.vaelab.data.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vaelab.UserInputException;

/**
 * The SHA-256 written beside a downloaded file that has no published checksum ({@code FILE.sha256}, in the format
 * of sha256sum, so {@code sha256sum -c FILE.sha256} checks it by hand). It cannot prove the download was the
 * publisher's file, but it catches any later change to the copy.
 */
final class RecordedSha256 {

    private RecordedSha256() {
    }

    static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    static Optional<String> read(Path file) {
        Path sidecar = sidecar(file);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(sidecar, StandardCharsets.UTF_8).strip();
            int space = text.indexOf(' ');
            return Optional.of(space < 0 ? text : text.substring(0, space));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + sidecar + " (" + e.getMessage() + "); check its permissions",
                    e);
        }
    }

    static void write(Path file, String sha256) throws IOException {
        Files.writeString(sidecar(file), sha256 + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
    }
}
