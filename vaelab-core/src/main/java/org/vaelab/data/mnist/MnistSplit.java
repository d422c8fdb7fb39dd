package org.vaelab.data.mnist;

import java.util.Locale;
import org.vaelab.UserInputException;

/** The train and test halves of MNIST-like data; the prefix is the one the original file names use. */
public enum MnistSplit {
    TRAIN("train", "train", 60_000),
    TEST("test", "t10k", 10_000);

    private final String id;
    private final String filePrefix;
    private final int size;

    MnistSplit(String id, String filePrefix, int size) {
        this.id = id;
        this.filePrefix = filePrefix;
        this.size = size;
    }

    public String id() {
        return id;
    }

    /** Number of examples in the published files. */
    public int size() {
        return size;
    }

    /** The uncompressed file name, e.g. "t10k-images-idx3-ubyte". */
    public String fileName(MnistPart part) {
        return filePrefix + "-" + part.fileSuffix();
    }

    public static MnistSplit fromId(String id) {
        for (MnistSplit split : values()) {
            if (split.id.equals(id.toLowerCase(Locale.ROOT))) {
                return split;
            }
        }
        throw new UserInputException("unknown split '" + id + "'; use train or test");
    }
}
