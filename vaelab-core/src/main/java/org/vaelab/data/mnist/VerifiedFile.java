package org.vaelab.data.mnist;

import java.nio.file.Path;

/**
 * A file whose uncompressed content matched its expected SHA-256.
 * The content is kept so the caller parses exactly the bytes that were checked, without reading the file again.
 */
public record VerifiedFile(Path path, byte[] content, String contentSha256) {
}
