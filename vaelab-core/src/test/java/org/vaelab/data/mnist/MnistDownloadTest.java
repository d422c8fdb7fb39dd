package org.vaelab.data.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.UserInputException;
import org.vaelab.data.files.Sha256;
import org.vaelab.data.idx.IdxFixtures;

/** The download path against a server on the loopback interface; nothing leaves this machine. */
class MnistDownloadTest {

    private static final byte[] LABELS = IdxFixtures.labelsContent(new byte[] {3, 1, 4, 1, 5, 9, 2, 6});
    private static final byte[] LABELS_GZ = IdxFixtures.gzip(LABELS);
    private static final String NAME = "t10k-labels-idx1-ubyte";

    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/good/" + NAME + ".gz", LABELS_GZ);
        serve("/cut/" + NAME + ".gz", Arrays.copyOf(LABELS_GZ, LABELS_GZ.length - 8));
        server.createContext("/redirect/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/good/" + NAME + ".gz");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(String path, byte[] body) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private MnistLocator locator() {
        return MnistLocator.builder()
                .environment(Map.of())
                .workingDir(tmp.resolve("work"))
                .cacheDir(tmp.resolve("cache"))
                .packagedLocations(false)
                .build();
    }

    private List<Path> cacheFiles() throws IOException {
        Path dir = tmp.resolve("cache/mnist");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void downloadsVerifiesAndCachesUnderOriginalCompression() throws IOException {
        MnistFile file = new MnistFile("mnist", NAME, Sha256.hex(LABELS), List.of(url("/good/" + NAME + ".gz")));

        VerifiedFile got = locator().locate(file);

        Path expected = tmp.resolve("cache/mnist/" + NAME + ".gz");
        assertThat(got.path()).isEqualTo(expected);
        assertThat(got.content()).isEqualTo(LABELS);
        assertThat(Files.readAllBytes(expected)).isEqualTo(LABELS_GZ);
        assertThat(cacheFiles()).containsExactly(expected);

        // The second time the cache answers and the server is not asked again.
        int before = requests.get();
        assertThat(locator().locate(file).path()).isEqualTo(expected);
        assertThat(requests.get()).isEqualTo(before);
    }

    @Test
    void badChecksumIsRefusedAndLeavesNothingBehind() throws IOException {
        String wrong = "0".repeat(64);
        MnistFile file = new MnistFile("mnist", NAME, wrong, List.of(url("/good/" + NAME + ".gz")));

        assertThatThrownBy(() -> locator().locate(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("did not match its checksum")
                .hasMessageContaining("SHA-256 " + Sha256.hex(LABELS) + " instead of " + wrong)
                .hasMessageContaining("--data-dir")
                .hasMessageNotContaining("\n");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void fallsBackToTheNextMirror() {
        MnistFile file = new MnistFile("mnist", NAME, Sha256.hex(LABELS),
                List.of(url("/missing/" + NAME + ".gz"), url("/cut/" + NAME + ".gz"), url("/good/" + NAME + ".gz")));

        VerifiedFile got = locator().locate(file);

        assertThat(got.content()).isEqualTo(LABELS);
    }

    @Test
    void followsRedirects() {
        MnistFile file = new MnistFile("mnist", NAME, Sha256.hex(LABELS), List.of(url("/redirect/" + NAME + ".gz")));

        assertThat(locator().locate(file).content()).isEqualTo(LABELS);
    }

    @Test
    void everyMirrorFailingNamesEachFailure() throws IOException {
        MnistFile file = new MnistFile("mnist", NAME, Sha256.hex(LABELS),
                List.of(url("/missing/" + NAME + ".gz"), url("/cut/" + NAME + ".gz")));

        assertThatThrownBy(() -> locator().locate(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("download failed")
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("truncated gzip")
                .hasMessageContaining("npm install");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void fileUrlsServeAsLocalMirror() {
        Path mirror = IdxFixtures.write(tmp.resolve("mirror/" + NAME), LABELS);
        MnistFile file = new MnistFile("mnist", NAME, Sha256.hex(LABELS), List.of(mirror.toUri()));

        VerifiedFile got = locator().locate(file);

        // Raw content is stored under the raw name.
        assertThat(got.path()).isEqualTo(tmp.resolve("cache/mnist/" + NAME));
        assertThat(got.content()).isEqualTo(LABELS);
    }
}
