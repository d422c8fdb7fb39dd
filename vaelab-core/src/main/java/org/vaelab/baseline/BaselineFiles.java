package org.vaelab.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.vaelab.UserInputException;
import org.vaelab.data.npy.Npy;
import org.vaelab.data.npy.NpyArray;
import org.vaelab.data.npy.NpyDtype;
import org.vaelab.run.Json;

/**
 * A baseline's files in a run directory: baseline.json (kind, sizes, fit report) and, for linear baselines,
 * baseline-mean.npy (float64 [D]) and baseline-weights.npy (float64 [k, D]), readable by numpy. The .npy files
 * are written first and baseline.json last, so a directory with baseline.json is complete. Float64 keeps codes
 * bit-identical after a reload.
 */
public final class BaselineFiles {
    public static final String MANIFEST = "baseline.json";
    public static final String MEAN = "baseline-mean.npy";
    public static final String WEIGHTS = "baseline-weights.npy";
    static final int FORMAT = 1;

    private BaselineFiles() {
    }

    /** The contents of baseline.json. */
    public record Manifest(int format, String kind, int inputDim, int dim, boolean whitened, FitReport fit) {
    }

    static boolean exists(Path runDir) {
        return Files.isRegularFile(runDir.resolve(MANIFEST));
    }

    static void write(Path runDir, LinearProjection projection) {
        double[][] weights = projection.weights();
        int dim = projection.inputDim();
        double[] flat = new double[weights.length * dim];
        for (int c = 0; c < weights.length; c++) {
            System.arraycopy(weights[c], 0, flat, c * dim, dim);
        }
        try {
            Npy.write(runDir.resolve(MEAN), NpyArray.of(projection.mean(), dim));
            Npy.write(runDir.resolve(WEIGHTS), NpyArray.of(flat, weights.length, dim));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline to " + runDir, e);
        }
        Json.write(runDir.resolve(MANIFEST), new Manifest(FORMAT, projection.name(), dim, projection.dim(),
                projection.whitened(), projection.fitReport().orElse(null)));
    }

    static void write(Path runDir, RawPixels raw) {
        Json.write(runDir.resolve(MANIFEST), new Manifest(FORMAT, raw.name(), raw.inputDim(), raw.dim(), false, null));
    }

    static Representation read(Path runDir) {
        Path manifestFile = runDir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new UserInputException(runDir + " holds no baseline (no " + MANIFEST + "); pass the --out directory "
                    + "of a ./vaelab baseline run");
        }
        Manifest manifest = Json.read(manifestFile, Manifest.class);
        if (manifest.format() != FORMAT) {
            throw new UserInputException(manifestFile + " has format " + manifest.format() + "; this vaelab reads "
                    + "format " + FORMAT);
        }
        if (manifest.inputDim() < 1 || manifest.dim() < 1 || manifest.kind() == null) {
            throw damaged(manifestFile, "kind and sizes are missing");
        }
        return switch (manifest.kind()) {
            case RawPixels.NAME -> {
                if (manifest.dim() != manifest.inputDim()) {
                    throw damaged(manifestFile, "raw codes must have as many values as the images");
                }
                yield new RawPixels(manifest.inputDim());
            }
            case Pca.NAME, FastIca.NAME -> readLinear(runDir, manifest);
            default -> throw damaged(manifestFile, "unknown kind '" + manifest.kind() + "'");
        };
    }

    private static LinearProjection readLinear(Path runDir, Manifest manifest) {
        int dim = manifest.inputDim();
        int k = manifest.dim();
        NpyArray mean = readFloat64(runDir.resolve(MEAN), dim);
        NpyArray weights = readFloat64(runDir.resolve(WEIGHTS), k, dim);
        double[] flat = weights.doubles();
        double[][] rows = new double[k][];
        for (int c = 0; c < k; c++) {
            rows[c] = Arrays.copyOfRange(flat, c * dim, (c + 1) * dim);
        }
        return new LinearProjection(manifest.kind(), mean.doubles(), rows, manifest.whitened(), manifest.fit());
    }

    private static NpyArray readFloat64(Path file, long... shape) {
        NpyArray array;
        try {
            array = Npy.read(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (array.dtype() != NpyDtype.FLOAT64 || !Arrays.equals(array.shape(), shape)) {
            throw damaged(file, "expected float64 of shape " + Arrays.toString(shape) + ", found "
                    + array.dtype().numpyName() + " of shape " + Arrays.toString(array.shape()));
        }
        return array;
    }

    private static UserInputException damaged(Path file, String what) {
        return new UserInputException(file + " is damaged: " + what + "; fit the baseline again");
    }
}
