package org.vaelab.data.files;

import java.net.URI;
import java.util.Optional;

/**
 * One file of a dataset that vaelab finds on this machine or downloads: the MAT files of OMNIGLOT and Caltech-101
 * Silhouettes, the CIFAR-10 archive and the batches extracted from it.
 *
 * @param dataset         dataset name, also the sub-folder it is looked for in, e.g. "omniglot"
 * @param relativePath    where it sits inside a searched folder, e.g. "cifar-10-batches-bin/test_batch.bin"
 * @param publishedSha256 SHA-256 (lower-case hex) that a public source records for it, when one does
 * @param url             where it is downloaded from; empty for a file that only comes out of an archive
 * @param formatCheck     what a download must pass before it is kept
 * @param installHint     how to put it in place by hand, for error messages
 */
public record DataFile(String dataset, String relativePath, Optional<String> publishedSha256, Optional<URI> url,
                       FormatCheck formatCheck, String installHint) {

    /** A file fetched from {@code url}, with the usual hint: download it into DIR/dataset and pass --data-dir. */
    public static DataFile downloadable(String dataset, String relativePath, Optional<String> publishedSha256,
                                        String url, FormatCheck formatCheck) {
        return new DataFile(dataset, relativePath, publishedSha256, Optional.of(URI.create(url)), formatCheck,
                "download " + url + " into DIR/" + dataset + "/ and pass --data-dir DIR");
    }

    /** A file that is only looked for, never downloaded (it comes out of an archive that is). */
    public static DataFile localOnly(String dataset, String relativePath) {
        return new DataFile(dataset, relativePath, Optional.empty(), Optional.empty(), FormatCheck.NONE,
                "put it in DIR/" + dataset + "/" + relativePath + " and pass --data-dir DIR");
    }

    public String describe() {
        return dataset + " " + relativePath;
    }

    /** The file's own name, without the folders of {@link #relativePath()}. */
    public String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }
}
