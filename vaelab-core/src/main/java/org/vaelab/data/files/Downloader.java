package org.vaelab.data.files;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Copies the resource at a URL into a local file; an interface so tests can count or refuse fetches. */
public interface Downloader {

    /** Writes the body of {@code source} to {@code target}, replacing what is there. */
    void fetch(URI source, Path target) throws IOException;
}
