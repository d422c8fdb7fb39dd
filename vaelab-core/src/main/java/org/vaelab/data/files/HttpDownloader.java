package org.vaelab.data.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/** Fetches http(s) URLs with the JDK client, and file: URLs by copying, which lets a local mirror stand in. */
public final class HttpDownloader implements Downloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    // The JDK client's request timeout bounds the wait for the response headers; the body (up to CIFAR-10's
    // 170 MB) then streams without a deadline, so a slow link is not cut off mid-way.
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(15);

    private final HttpClient client;

    public HttpDownloader() {
        // NORMAL follows http->https and same-scheme redirects (GitHub raw, S3 websites) but never https->http.
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    @Override
    public void fetch(URI source, Path target) throws IOException {
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            Files.copy(Path.of(source), target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("unsupported URL scheme in " + source);
        }
        HttpRequest request = HttpRequest.newBuilder(source)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "vaelab")
                .GET()
                .build();
        HttpResponse<Path> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofFile(target,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + source + " interrupted");
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + source);
        }
    }
}
