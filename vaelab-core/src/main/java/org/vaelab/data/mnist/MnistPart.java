package org.vaelab.data.mnist;

/** The two files that make up one split: the images and their labels. */
public enum MnistPart {
    IMAGES("images-idx3-ubyte"),
    LABELS("labels-idx1-ubyte");

    private final String fileSuffix;

    MnistPart(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    String fileSuffix() {
        return fileSuffix;
    }
}
