package org.vaelab.data.mnist;

import java.net.URI;
import java.util.List;

/**
 * One file the locator can find or fetch.
 *
 * @param dataset       dataset name, also the sub-folder it is looked for in, e.g. "mnist"
 * @param fileName      uncompressed name; "{@code fileName}.gz" is accepted too
 * @param contentSha256 SHA-256 (lower-case hex) of the uncompressed IDX bytes, so a raw copy, the publisher's gzip
 *                      and a re-compressed gzip (Debian's) all verify against the same constant
 * @param downloadUrls  where to fetch it from, tried in order
 */
public record MnistFile(String dataset, String fileName, String contentSha256, List<URI> downloadUrls) {

    public MnistFile {
        downloadUrls = List.copyOf(downloadUrls);
    }

    public String describe() {
        return dataset + " " + fileName;
    }
}
