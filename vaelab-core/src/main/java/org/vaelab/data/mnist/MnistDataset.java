package org.vaelab.data.mnist;

import java.util.Optional;
import java.util.SplittableRandom;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.data.idx.IdxImages;
import org.vaelab.data.idx.IdxLabels;
import org.vaelab.data.idx.IdxReader;

/**
 * Grey-level MNIST-like images with their class labels. Pixels stay as one byte each (47 MB for the MNIST
 * training set rather than 188 MB as floats) and become k/255 only when filled.
 */
public final class MnistDataset implements Dataset {

    public static final int CLASS_COUNT = 10;

    private final String name;
    private final Shape shape;
    private final byte[] pixels;
    private final int count;
    private final ByteLabels labels;
    private final String provenance;

    public MnistDataset(String name, IdxImages images, IdxLabels labels, int classCount, String provenance) {
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
        this.name = name;
        this.shape = new Shape(1, images.rows(), images.cols());
        this.pixels = images.pixels();
        this.count = images.count();
        this.labels = new ByteLabels(labels.labels(), classCount);
        this.provenance = provenance;
    }

    /** Finds (or downloads), verifies and reads one split of a dataset. Named e.g. "fashion-mnist-train". */
    public static MnistDataset load(MnistLocator locator, MnistVariant variant, MnistSplit split) {
        VerifiedFile images = locator.locate(variant.file(split, MnistPart.IMAGES));
        VerifiedFile labels = locator.locate(variant.file(split, MnistPart.LABELS));
        String name = variant.id() + "-" + split.id();
        String provenance = name + ": " + split.fileName(MnistPart.IMAGES) + " sha256=" + images.contentSha256()
                + ", " + split.fileName(MnistPart.LABELS) + " sha256=" + labels.contentSha256()
                + " (SHA-256 of the uncompressed IDX files)";
        return new MnistDataset(name,
                IdxReader.parseImages(images.content(), images.path()),
                IdxReader.parseLabels(labels.content(), labels.path()),
                CLASS_COUNT, provenance);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.EIGHT_BIT;
    }

    @Override
    public void fill(int[] indices, float[] out, SplittableRandom rng) {
        int dim = shape.size();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (count - 1));
            }
            int from = index * dim;
            int to = i * dim;
            for (int j = 0; j < dim; j++) {
                out[to + j] = (pixels[from + j] & 0xff) / 255f;
            }
        }
    }

    @Override
    public Optional<Labels> labels() {
        return Optional.of(labels);
    }

    @Override
    public String provenance() {
        return provenance;
    }

    private record ByteLabels(byte[] values, int classCount) implements Labels {
        @Override
        public int label(int index) {
            return values[index] & 0xff;
        }
    }
}
