package org.vaelab.data.files;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaelab.UserInputException;

/**
 * Finds the files of the downloadable datasets (OMNIGLOT, Caltech-101 Silhouettes, CIFAR-10) on this machine, or
 * downloads them, and checks each against its checksum.
 *
 * <p>Searches the {@link DataFolders}, first match wins; then, unless $VAELAB_OFFLINE is set, downloads into the
 * cache. A file with a published SHA-256 must match it. A file without one is checked against the SHA-256
 * recorded beside it when it was downloaded, if that record exists.
 */
public final class DataFileLocator {

    private static final Logger LOG = LoggerFactory.getLogger(DataFileLocator.class);

    private final DataFolders folders;
    private final Downloader downloader;

    private DataFileLocator(DataFolders folders, Downloader downloader) {
        this.folders = folders;
        this.downloader = downloader;
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
        if (!folders.downloadsAllowed() || file.url().isEmpty()) {
            String why = file.url().isEmpty() ? "" : DataFolders.offlineClause();
            throw new UserInputException("cannot find " + file.describe() + " in "
                    + DataFolders.describe(searchDirectories(file.dataset())) + why + ": " + file.installHint());
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
        return folders.searchPath(dataset, List.of());
    }

    private static LocatedFile verify(Path candidate, DataFile file) {
        String sha = Sha256.ofFile(candidate);
        Optional<String> published = file.publishedSha256();
        if (published.isPresent() && !published.get().equals(sha)) {
            throw ChecksumMismatch.of(candidate, file.describe(), "SHA-256", sha, published.get());
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
        Path target = folders.cacheFolder(file.dataset()).resolve(file.relativePath());
        DataFolders.createCacheFolder(target.getParent(), file.installHint());
        LOG.info("downloading {} from {}", file.describe(), url);
        String failure;
        try (PartialDownload partial = PartialDownload.fetch(downloader, url, target.getParent(), file.fileName())) {
            String sha = Sha256.ofFile(partial.path());
            failure = problemWith(partial.path(), sha, file);
            if (failure == null) {
                partial.keepAs(target);
                if (file.publishedSha256().isEmpty()) {
                    recordQuietly(target, sha);
                }
                return new LocatedFile(target, sha);
            }
        } catch (IOException e) {
            failure = PartialDownload.reason(e);
        }
        throw new UserInputException("cannot get " + file.describe() + " from " + url + " (" + failure
                + "); looked in " + DataFolders.describe(searchDirectories(file.dataset())) + "; "
                + file.installHint());
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

    public static final class Builder extends LocatorBuilder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public DataFileLocator build() {
            return new DataFileLocator(folders(), chosenDownloader());
        }
    }
}
