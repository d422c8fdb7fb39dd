package org.vaelab.baseline;

import java.nio.file.Path;
import java.util.Optional;

/** The image itself as the code: the baseline any representation should beat. Nothing is fitted. */
public final class RawPixels implements Representation {
    public static final String NAME = "raw";

    private final int pixels;

    public RawPixels(int pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("pixels must be positive, got " + pixels);
        }
        this.pixels = pixels;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int inputDim() {
        return pixels;
    }

    @Override
    public int dim() {
        return pixels;
    }

    @Override
    public float[][] encode(float[][] images) {
        float[][] codes = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != pixels) {
                throw new IllegalArgumentException("raw expects images of " + pixels + " values, image " + i + " has "
                        + images[i].length);
            }
            codes[i] = images[i].clone();
        }
        return codes;
    }

    @Override
    public Optional<FitReport> fitReport() {
        return Optional.empty();
    }

    @Override
    public void save(Path runDir) {
        BaselineFiles.write(runDir, this);
    }
}
