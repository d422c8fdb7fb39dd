package org.vaelab.data.files;

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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaelab.UserInputException;
import org.vaelab.data.mnist.Downloader;
import org.vaelab.data.mnist.HttpDownloader;
import org.vaelab.data.mnist.MnistLocator;

/**
 * Finds the files of the downloadable datasets (OMNIGLOT, Caltech-101 Silhouettes, CIFAR-10) on this machine, or
 * downloads them, and checks each against its checksum.
 *
 * <p>Search order, first match wins, each folder tried as {@code <dir>/<dataset>/} and then {@code <dir>/}: the
 * explicit data dir (--data-dir), $VAELAB_DATA, the download cache {@code ~/.cache/vaelab/<dataset>/}; then,
 * unless $VAELAB_OFFLINE is set, a download into that cache. A file with a published SHA-256 must match it. A file
 * without one is checked against the SHA-256 recorded beside it when it was downloaded, if that record exists.
 */
public final class DataFileLocator {

    private static final Logger LOG = LoggerFactory.getLogger(DataFileLocator.class);
    private static final String REPLACE_FIX = "delete it and run again to re-download, or point --data-dir elsewhere";

    private final Path dataDir;
    private final Path envDataDir;
    private final Path cacheDir;
    private final boolean allowDownload;
    private final Downloader downloader;

    private DataFileLocator(Builder b) {
        Map<String, String> env = b.environment;
        this.dataDir = b.dataDir;
        String envData = env.get(MnistLocator.DATA_ENV);
        this.envDataDir = envData == null || envData.isBlank() ? null : Path.of(envData);
        this.cacheDir = b.cacheDir != null ? b.cacheDir : defaultCacheDir(env);
        String offline = env.get(MnistLocator.OFFLINE_ENV);
        this.allowDownload = b.allowDownload != null ? b.allowDownload : offline == null || offline.isBlank();
        this.downloader = b.downloader;
    }

    /** The locator the CLI uses: {@code dataDir} is --data-dir, or null when not given. */
    public static DataFileLocator forDataDir(Path dataDir) {
        return builder().dataDir(dataDir).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The checked file, found locally or downloaded. */
    public LocatedFile locate(DataFile file) {
        Optional<LocatedFile> local = findLocal(file);
        if (local.isPresent()) {
            return local.get();
        }
        if (!allowDownload || file.url().isEmpty()) {
            String why = file.url().isEmpty() ? "" : " and downloads are off ($" + MnistLocator.OFFLINE_ENV + " is set)";
            throw new UserInputException("cannot find " + file.describe() + " in " + describe(searchDirectories(
                    file.dataset())) + why + ": " + file.installHint());
        }
        return download(file, file.url().get());
    }

    /** The checked file if it is on this machine; never downloads. A checksum mismatch throws. */
    public Optional<LocatedFile> findLocal(DataFile file) {
        for (Path dir : searchDirectories(file.dataset())) {
            Path candidate = dir.resolve(file.relativePath());
            if (Files.isRegularFile(candidate)) {
                return Optional.of(verify(candidate, file));
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
        dirs.add(cacheDirectory(dataset));
        return new ArrayList<>(dirs);
    }

    private Path cacheDirectory(String dataset) {
        return cacheDir.resolve(dataset);
    }

    private LocatedFile verify(Path candidate, DataFile file) {
        String sha = FileSha256.of(candidate);
        Optional<String> published = file.publishedSha256();
        if (published.isPresent() && !published.get().equals(sha)) {
            throw new UserInputException(candidate + " is not the published " + file.describe() + ": its SHA-256 is "
                    + sha + ", expected " + published.get() + "; " + REPLACE_FIX);
        }
        Optional<String> recorded = published.isPresent() ? Optional.empty() : RecordedSha256.read(candidate);
        if (recorded.isPresent() && !recorded.get().equals(sha)) {
            throw new UserInputException(candidate + " has changed since it was downloaded: its SHA-256 is " + sha
                    + " but " + RecordedSha256.sidecar(candidate) + " records " + recorded.get()
                    + "; delete both and run again to re-download");
        }
        return new LocatedFile(candidate, sha);
    }

    private LocatedFile download(DataFile file, URI url) {
        Path dir = cacheDirectory(file.dataset());
        Path target = dir.resolve(file.relativePath());
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UserInputException("cannot create the download cache " + dir + " (" + e.getMessage()
                    + "); make it writable, or " + file.installHint(), e);
        }
        LOG.info("downloading {} from {}", file.describe(), url);
        Path partial = null;
        String failure;
        try {
            // A unique temporary name beside the target: concurrent runs never see a half-written file, and the
            // final rename stays on one file system so it can be atomic.
            partial = Files.createTempFile(target.getParent(), file.fileName() + ".", ".part");
            downloader.fetch(url, partial);
            String sha = FileSha256.of(partial);
            failure = problemWith(partial, sha, file);
            if (failure == null) {
                moveIntoPlace(partial, target);
                partial = null;
                if (file.publishedSha256().isEmpty()) {
                    recordQuietly(target, sha);
                }
                return new LocatedFile(target, sha);
            }
        } catch (IOException e) {
            failure = describe(e);
        } finally {
            deleteQuietly(partial);
        }
        throw new UserInputException("cannot get " + file.describe() + " from " + url + " (" + failure
                + "); looked in " + describe(searchDirectories(file.dataset())) + "; " + file.installHint());
    }

    /** Why a downloaded file cannot be kept, or null when it can. */
    private static String problemWith(Path partial, String sha, DataFile file) {
        Optional<String> published = file.publishedSha256();
        if (published.isPresent() && !sha.equals(published.get())) {
            return "its SHA-256 is " + sha + " instead of the published " + published.get();
        }
        try {
            file.formatCheck().check(partial);
            return null;
        } catch (UserInputException e) {
            return e.getMessage();
        }
    }

    private static void recordQuietly(Path target, String sha) {
        try {
            RecordedSha256.write(target, sha);
        } catch (IOException e) {
            LOG.warn("could not record the SHA-256 of {}: {}", target, e.toString());
        }
    }

    private static String describe(List<Path> dirs) {
        return dirs.stream().map(Path::toString).collect(Collectors.joining(", "));
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
        private Path cacheDir;
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

        /** Root of the download cache; default ~/.cache/vaelab (or $XDG_CACHE_HOME/vaelab). */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
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

        public DataFileLocator build() {
            return new DataFileLocator(this);
        }
    }
}
