package org.vaelab.data.omniglot;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.vaelab.data.Dataset;
import org.vaelab.data.LabelledImages;
import org.vaelab.data.ValueKind;
import org.vaelab.data.files.DataFile;
import org.vaelab.data.files.DataFileLocator;
import org.vaelab.data.files.LocatedFile;
import org.vaelab.data.mat.MatImages;
import org.vaelab.data.mat.MatLabels;
import org.vaelab.data.mat.MatVariables;
import org.vaelab.data.mat.PixelLevels;

/**
 * OMNIGLOT as the IWAE (Burda et al. 2016) and VLAE (Chen et al. 2017) papers use it: {@code chardata.mat} from the
 * IWAE repository, 24,345 training and 8,070 test images of handwritten characters, 28x28 grey levels in [0, 1],
 * labelled with their alphabet (50). The papers binarise it afresh at every step.
 *
 * <p>Variables: {@code data} (784 x 24345) and {@code testdata} (784 x 8070) hold one image per column, flattened
 * column by column as MATLAB does; {@code target} and {@code testtarget} (50 x N) hold one-hot alphabet labels.
 * Values are rounded to the nearest k/255 on loading, which keeps one byte per pixel and makes them 8-bit levels
 * for the logistic likelihood and the binarised views alike.
 */
public final class Omniglot {

    public static final String URL =
            "https://raw.githubusercontent.com/yburda/iwae/master/datasets/OMNIGLOT/chardata.mat";
    public static final int SIDE = 28;
    public static final int ALPHABETS = 50;
    /** No public source records its SHA-256: the first download's is recorded beside it (see DataFileLocator). */
    public static final DataFile FILE =
            DataFile.downloadable("omniglot", "chardata.mat", Optional.empty(), URL, Omniglot::checkFormat);

    private static final PixelLevels GREY = new PixelLevels(
            v -> v >= 0 && v <= 1 ? (int) Math.round(v * 255) : -1, "grey levels in [0, 1]");

    private enum Split {
        TRAIN("train", "data", "target"),
        TEST("test", "testdata", "testtarget");

        final String id;
        final String images;
        final String labels;

        Split(String id, String images, String labels) {
            this.id = id;
            this.images = images;
            this.labels = labels;
        }
    }

    private final DataFileLocator locator;

    public Omniglot(DataFileLocator locator) {
        this.locator = locator;
    }

    public Dataset train() {
        return load(Split.TRAIN);
    }

    public Dataset test() {
        return load(Split.TEST);
    }

    private Dataset load(Split split) {
        LocatedFile file = locator.locate(FILE);
        return read(file.path(), split, "omniglot-" + split.id + ": chardata.mat sha256=" + file.sha256());
    }

    private static LabelledImages read(Path file, Split split, String provenance) {
        MatVariables variables = MatVariables.read(file, Set.of(split.images, split.labels));
        byte[] levels = MatImages.read(variables, split.images, MatImages.Layout.IMAGE_PER_COLUMN, SIDE, GREY);
        byte[] labels = MatLabels.oneHotColumns(variables, split.labels, ALPHABETS, levels.length / (SIDE * SIDE));
        return new LabelledImages("omniglot-" + split.id, new Dataset.Shape(1, SIDE, SIDE), ValueKind.EIGHT_BIT,
                levels, labels, ALPHABETS, provenance);
    }

    private static void checkFormat(Path file) {
        for (Split split : Split.values()) {
            read(file, split, "");
        }
    }
}
