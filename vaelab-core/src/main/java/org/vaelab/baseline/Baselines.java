package org.vaelab.baseline;

import java.util.List;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;

/**
 * Fits a baseline by name on a sample of a dataset's images, checking the user's choices first so a bad flag fails
 * with one line before any work.
 */
public final class Baselines {
    public static final List<String> NAMES = List.of(Pca.NAME, FastIca.NAME, RawPixels.NAME);
    /** Images the linear baselines are fitted on, drawn uniformly without replacement. */
    public static final int DEFAULT_SAMPLES = 10_000;

    private Baselines() {
    }

    /** {@link #fit(String, Dataset, int, long, int)} on {@link #DEFAULT_SAMPLES} images. */
    public static Representation fit(String name, Dataset data, int latent, long seed) {
        return fit(name, data, latent, seed, DEFAULT_SAMPLES);
    }

    /**
     * Fits baseline {@code name} with {@code latent} components on {@code samples} images of {@code data} (all of
     * them if it has fewer), drawn with {@code seed}, which also seeds the solvers. PCA codes are not whitened,
     * as sklearn's PCA default. Raw pixels fit nothing and ignore {@code latent}: their codes are the pixels.
     *
     * @throws UserInputException for an unknown name, a dataset that is not images, a latent size outside
     *                            [1, pixels] or above the number of images minus one, or non-finite pixels
     */
    public static Representation fit(String name, Dataset data, int latent, long seed, int samples) {
        if (!NAMES.contains(name)) {
            throw new UserInputException("unknown baseline '" + name + "'; choose one of " + String.join(", ", NAMES));
        }
        Dataset.Shape shape = data.shape();
        if (!shape.isImage()) {
            throw new UserInputException("--dataset " + data.name() + " holds flat vectors of " + shape.size()
                    + " values, not images; baselines are fitted on images (e.g. --dataset dsprites)");
        }
        if (name.equals(RawPixels.NAME)) {
            return new RawPixels(shape.size());
        }
        if (latent < 1) {
            throw new UserInputException("--latent must be at least 1, got " + latent);
        }
        if (latent > shape.size()) {
            throw new UserInputException("--latent " + latent + " exceeds the " + shape.size() + " pixels of "
                    + data.name() + " images; choose at most " + shape.size());
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2, got " + samples);
        }
        int available = Math.min(samples, data.size());
        if (latent > available - 1) {
            throw new UserInputException("--latent " + latent + " needs at least " + (latent + 1) + " images to fit "
                    + name + " on; --dataset " + data.name() + " gives " + available);
        }
        TrainingSample sample = TrainingSample.draw(data, samples, seed);
        return name.equals(Pca.NAME) ? Pca.fit(sample, latent, false, seed) : FastIca.fit(sample, latent, seed);
    }
}
