package org.vaelab.baseline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A fixed map from flat images to codes that the disentanglement metrics can score in place of a VAE's posterior
 * means: the PCA, FastICA and raw-pixel baselines. Implementations are immutable and thread-safe.
 */
public interface Representation {

    /** "pca", "ica" or "raw". */
    String name();

    /** Values per input image, e.g. 4096 for 64 x 64 dSprites. */
    int inputDim();

    /** Values per code. */
    int dim();

    /** Codes {@code [n][dim()]} of flat images {@code [n][inputDim()]}, row i for image i. */
    float[][] encode(float[][] images);

    /** How the representation was fitted; empty when there was nothing to fit (raw pixels). */
    Optional<FitReport> fitReport();

    /** Writes the representation into {@code runDir} (see {@link BaselineFiles}), creating it if needed. */
    void save(Path runDir);

    /** Reads the representation saved in {@code runDir}. */
    static Representation load(Path runDir) {
        return BaselineFiles.read(runDir);
    }

    /** Whether {@code runDir} holds a saved baseline rather than, say, a trained model. */
    static boolean isSavedIn(Path runDir) {
        return BaselineFiles.exists(runDir);
    }
}
