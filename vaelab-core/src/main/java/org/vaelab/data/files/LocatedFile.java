package org.vaelab.data.files;

import java.nio.file.Path;

/** A dataset file found or downloaded, with the SHA-256 (lower-case hex) of its bytes for provenance. */
public record LocatedFile(Path path, String sha256) {
}
