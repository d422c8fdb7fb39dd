package org.vaelab.data.mnist;

import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.LabelledImages;
import org.vaelab.data.ValueKind;
import org.vaelab.data.idx.IdxImages;
import org.vaelab.data.idx.IdxLabels;
import org.vaelab.data.idx.IdxReader;

/**
 * Grey-level MNIST-like images with their class labels, as {@link LabelledImages}. Pixels stay as one byte each
 * (47 MB for the MNIST training set rather than 188 MB as floats) and become k/255 only when filled.
 */
public final class MnistDataset {

    public static final int CLASS_COUNT = 10;

    private MnistDataset() {
    }

    /** An image file and a label file of the same split, checked to belong together. */
    public static LabelledImages of(String name, IdxImages images, IdxLabels labels, int classCount,
                                    String provenance) {
        if (images.count() != labels.count()) {
            throw new UserInputException(name + ": " + images.count() + " images but " + labels.count()
                    + " labels; use an image file and a label file of the same split");
        }
        for (int i = 0; i < labels.count(); i++) {
            if (labels.label(i) >= classCount) {
                throw new UserInputException(name + ": label " + labels.label(i) + " at index " + i
                        + " is not below the class count " + classCount + "; check that the label file belongs to "
                        + name);
            }
        }
        return new LabelledImages(name, new Dataset.Shape(1, images.rows(), images.cols()), ValueKind.EIGHT_BIT,
                images.pixels(), labels.labels(), classCount, provenance);
    }

    /** Finds (or downloads), verifies and reads one split of a dataset. Named e.g. "fashion-mnist-train". */
    public static LabelledImages load(MnistLocator locator, MnistVariant variant, MnistSplit split) {
        VerifiedFile images = locator.locate(variant.file(split, MnistPart.IMAGES));
        VerifiedFile labels = locator.locate(variant.file(split, MnistPart.LABELS));
        String name = variant.id() + "-" + split.id();
        String provenance = name + ": " + split.fileName(MnistPart.IMAGES) + " sha256=" + images.contentSha256()
                + ", " + split.fileName(MnistPart.LABELS) + " sha256=" + labels.contentSha256()
                + " (SHA-256 of the uncompressed IDX files)";
        return of(name,
                IdxReader.parseImages(images.content(), images.path()),
                IdxReader.parseLabels(labels.content(), labels.path()),
                CLASS_COUNT, provenance);
    }
}
