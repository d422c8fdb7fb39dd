package org.vaelab.data.omniglot;

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

    private static final PixelLevels GREY = new PixelLevels(
            v -> v >= 0 && v <= 1 ? (int) Math.round(v * 255) : -1, "grey levels in [0, 1]");
    private static final MatSplit TRAIN = new MatSplit("train", "data", "target");
    private static final MatSplit TEST = new MatSplit("test", "testdata", "testtarget");
    private static final LabelledMatImages CHARDATA = new LabelledMatImages("omniglot",
            MatImages.Layout.IMAGE_PER_COLUMN, SIDE, GREY, ValueKind.EIGHT_BIT, MatLabels::oneHotColumns, ALPHABETS,
            List.of(TRAIN, TEST));

    /** No public source records its SHA-256: the first download's is recorded beside it (see DataFileLocator). */
    public static final DataFile FILE =
            DataFile.downloadable("omniglot", "chardata.mat", Optional.empty(), URL, CHARDATA::check);

    private final DataFileLocator locator;

    public Omniglot(DataFileLocator locator) {
        this.locator = locator;
    }

    public Dataset train() {
        return CHARDATA.load(locator.locate(FILE), TRAIN);
    }

    public Dataset test() {
        return CHARDATA.load(locator.locate(FILE), TEST);
    }
}
