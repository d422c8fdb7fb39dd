package org.vaelab.data.mat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.vaelab.data.Dataset;
import org.vaelab.data.LabelledImages;
import org.vaelab.data.ValueKind;
import org.vaelab.data.files.LocatedFile;

/**
 * How a dataset keeps labelled square images in one MAT file, each split as an image variable read with
 * {@link MatImages} and a label variable read with {@link MatLabels}. OMNIGLOT and Caltech-101 Silhouettes differ
 * only in these settings, so both read their splits here.
 *
 * @param dataset   the dataset name, which each split's name extends, e.g. "omniglot" for "omniglot-train"
 * @param layout    whether the matrix holds an image per column or per row
 * @param side      the images are side x side
 * @param levels    how stored values become 8-bit levels
 * @param valueKind what the levels mean
 * @param labels    how the label variable becomes 0-based labels
 * @param classes   how many classes there are
 * @param splits    every split the file holds; a download must have them all
 */
public record LabelledMatImages(String dataset, MatImages.Layout layout, int side, PixelLevels levels,
                                ValueKind valueKind, LabelReader labels, int classes, List<MatSplit> splits) {

    /** One of {@link MatLabels}' readers: the 0-based labels of {@code count} images from variable {@code name}. */
    @FunctionalInterface
    public interface LabelReader {
        byte[] read(MatVariables variables, String name, int classes, int count);
    }

    public LabelledMatImages {
        splits = List.copyOf(splits);
    }

    /** The split as a dataset, with the file's name and SHA-256 as its provenance. */
    public LabelledImages load(LocatedFile file, MatSplit split) {
        String name = dataset + "-" + split.id();
        return read(file.path(), split, name + ": " + file.path().getFileName() + " sha256=" + file.sha256());
    }

    /** Reads every split, so that a file missing one or holding bad values is refused as a whole. */
    public void check(Path file) {
        for (MatSplit split : splits) {
            read(file, split, "");
        }
    }

    private LabelledImages read(Path file, MatSplit split, String provenance) {
        MatVariables variables = MatVariables.read(file, Set.of(split.images(), split.labels()));
        byte[] pixels = MatImages.read(variables, split.images(), layout, side, levels);
        byte[] labelBytes = labels.read(variables, split.labels(), classes, pixels.length / (side * side));
        return new LabelledImages(dataset + "-" + split.id(), new Dataset.Shape(1, side, side), valueKind, pixels,
                labelBytes, classes, provenance);
    }
}
