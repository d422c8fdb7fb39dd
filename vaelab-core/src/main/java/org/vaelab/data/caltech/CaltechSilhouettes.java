package org.vaelab.data.caltech;

import java.util.List;
import java.util.Optional;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.data.files.DataFile;
import org.vaelab.data.files.DataFileLocator;
import org.vaelab.data.mat.LabelledMatImages;
import org.vaelab.data.mat.MatImages;
import org.vaelab.data.mat.MatLabels;
import org.vaelab.data.mat.MatSplit;
import org.vaelab.data.mat.PixelLevels;

/**
 * Caltech-101 Silhouettes at 28x28 (Marlin et al. 2010), split 1: 4,100 training, 2,264 validation and 2,307 test
 * binary images of object outlines from 101 classes.
 *
 * <p>Variables: {@code train_data}, {@code val_data}, {@code test_data} (N x 784) hold one image per row, flattened
 * column by column as MATLAB does; {@code train_labels}, {@code val_labels}, {@code test_labels} (N x 1) hold the
 * class 1..101. The file draws the object as 0 on a background of 1; vaelab flips it so the object is 1, like the
 * ink of MNIST (and as the VampPrior and Sylvester-flow code do). Labels become 0..100. The validation images are
 * not used: vaelab has no validation split.
 */
public final class CaltechSilhouettes {

    public static final String URL = "https://people.cs.umass.edu/~marlin/data/caltech101_silhouettes_28_split1.mat";
    public static final int SIDE = 28;
    public static final int CLASSES = 101;

    private static final PixelLevels SILHOUETTE = new PixelLevels(v -> v == 0 ? 255 : v == 1 ? 0 : -1, "0 or 1");
    private static final MatSplit TRAIN = new MatSplit("train", "train_data", "train_labels");
    private static final MatSplit TEST = new MatSplit("test", "test_data", "test_labels");
    private static final LabelledMatImages SPLIT_FILE = new LabelledMatImages("caltech-silhouettes",
            MatImages.Layout.IMAGE_PER_ROW, SIDE, SILHOUETTE, ValueKind.BINARY, MatLabels::oneBased, CLASSES,
            List.of(TRAIN, TEST));

    /** No public source records its SHA-256: the first download's is recorded beside it (see DataFileLocator). */
    public static final DataFile FILE = DataFile.downloadable("caltech-silhouettes",
            "caltech101_silhouettes_28_split1.mat", Optional.empty(), URL, SPLIT_FILE::check);

    private final DataFileLocator locator;

    public CaltechSilhouettes(DataFileLocator locator) {
        this.locator = locator;
    }

    public Dataset train() {
        return SPLIT_FILE.load(locator.locate(FILE), TRAIN);
    }

    public Dataset test() {
        return SPLIT_FILE.load(locator.locate(FILE), TEST);
    }
}
