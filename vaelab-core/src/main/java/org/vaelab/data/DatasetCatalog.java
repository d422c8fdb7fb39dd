package org.vaelab.data;

import java.nio.file.Path;
import java.util.List;
import org.vaelab.UserInputException;
import org.vaelab.data.binarize.DynamicBinarized;
import org.vaelab.data.binarize.StaticBinarized;
import org.vaelab.data.caltech.CaltechSilhouettes;
import org.vaelab.data.cifar.Cifar10;
import org.vaelab.data.dsprites.DSprites;
import org.vaelab.data.files.DataFileLocator;
import org.vaelab.data.mnist.MnistDataset;
import org.vaelab.data.mnist.MnistLocator;
import org.vaelab.data.mnist.MnistSplit;
import org.vaelab.data.mnist.MnistVariant;
import org.vaelab.data.omniglot.Omniglot;
import org.vaelab.data.synthetic.Pinwheel;

/**
 * The built-in datasets by name, each with a train and a test split. dSprites has no held-out data: its "test"
 * split is a fixed random sample of 10,000 images of the grid. Pinwheel's splits are independent draws;
 * "pinwheel4" is the small 4-arm pinwheel of Mathieu et al. 2019's clustering demonstration. OMNIGLOT,
 * Caltech-101 Silhouettes and CIFAR-10 are read from files that are downloaded on first use (docs/data.md).
 */
public final class DatasetCatalog {
    public static final List<String> NAMES = List.of("dsprites", "mnist", "fashion-mnist", "pinwheel", "pinwheel4",
            "omniglot", "caltech-silhouettes", "cifar10");
    /** "all" is train then test; for dSprites it is the whole grid in canonical order. */
    public static final List<String> SPLITS = List.of("train", "test", "all");
    public static final List<String> BINARIZATIONS = List.of("none", "static", "dynamic");

    private static final int DSPRITES_TEST_SIZE = 10_000;
    private static final long DSPRITES_TEST_SEED = 20170101L;
    private static final int PINWHEEL_TRAIN = 5_000;
    private static final int PINWHEEL_TEST = 1_000;

    private DatasetCatalog() {
    }

    /**
     * Opens dataset {@code name}'s {@code split}. {@code dataDir} (may be null) is searched first for stored
     * datasets; {@code binarize} applies to grey-level images only.
     */
    public static Dataset open(String name, String split, Path dataDir, String binarize) {
        checkOneOf("dataset", name, NAMES);
        checkOneOf("split", split, SPLITS);
        checkOneOf("binarisation", binarize, BINARIZATIONS);
        if (split.equals("all")) {
            return name.equals("dsprites") ? new DSprites()
                    : new Concatenation(open(name, "train", dataDir, binarize), open(name, "test", dataDir, binarize),
                            name + "-all");
        }
        boolean test = split.equals("test");
        return switch (name) {
            case "dsprites" -> test
                    ? Subset.random(new DSprites(), DSPRITES_TEST_SIZE, DSPRITES_TEST_SEED, "dsprites-test")
                    : new DSprites();
            case "pinwheel" -> test
                    ? new Pinwheel(PINWHEEL_TEST, Pinwheel.DEFAULT_SEED + 1)
                    : new Pinwheel(PINWHEEL_TRAIN, Pinwheel.DEFAULT_SEED);
            case "pinwheel4" -> Pinwheel.mathieu(test ? Pinwheel.DEFAULT_SEED + 1 : Pinwheel.DEFAULT_SEED);
            case "omniglot" -> {
                Omniglot omniglot = new Omniglot(DataFileLocator.forDataDir(dataDir));
                yield binarized(test ? omniglot.test() : omniglot.train(), binarize);
            }
            case "caltech-silhouettes" -> {
                CaltechSilhouettes caltech = new CaltechSilhouettes(DataFileLocator.forDataDir(dataDir));
                yield test ? caltech.test() : caltech.train();
            }
            case "cifar10" -> {
                Cifar10 cifar = new Cifar10(DataFileLocator.forDataDir(dataDir));
                yield test ? cifar.test() : cifar.train();
            }
            default -> binarized(MnistDataset.load(MnistLocator.forDataDir(dataDir), MnistVariant.fromId(name),
                    MnistSplit.fromId(split)), binarize);
        };
    }

    /** The shape of one example of dataset {@code name}, known without reading any file. */
    public static Dataset.Shape shapeOf(String name) {
        checkOneOf("dataset", name, NAMES);
        return switch (name) {
            case "dsprites" -> new Dataset.Shape(1, 64, 64);
            case "pinwheel", "pinwheel4" -> Dataset.Shape.flat(2);
            case "cifar10" -> Cifar10.SHAPE;
            default -> new Dataset.Shape(1, 28, 28);
        };
    }

    /** Whether {@code name} holds grey levels that --binarize applies to. */
    public static boolean isGreyLevel(String name) {
        return name.equals("mnist") || name.equals("fashion-mnist") || name.equals("omniglot");
    }

    /** Whether {@code name}'s values, unless binarised, are 8-bit levels k/255 (grey or, for CIFAR-10, colour). */
    public static boolean hasEightBitValues(String name) {
        return isGreyLevel(name) || name.equals("cifar10");
    }

    private static Dataset binarized(Dataset grey, String binarize) {
        return switch (binarize) {
            case "static" -> new StaticBinarized(grey);
            case "dynamic" -> new DynamicBinarized(grey);
            default -> grey;
        };
    }

    private static void checkOneOf(String what, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new UserInputException("unknown " + what + " '" + value + "'; choose one of "
                    + String.join(", ", allowed));
        }
    }
}
