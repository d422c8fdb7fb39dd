package org.vaelab.metrics;

import java.util.Arrays;
import org.vaelab.UserInputException;

/** Calls the caller's encoder and rejects answers of the wrong shape or with non-finite codes. */
final class CheckedEncoder {
    private final String metric;
    private final FactorEncoder encoder;
    private int width = -1;

    CheckedEncoder(String metric, FactorEncoder encoder) {
        if (encoder == null) {
            throw new UserInputException(metric + " needs an encoder from factors to codes");
        }
        this.metric = metric;
        this.encoder = encoder;
    }

    float[][] encode(int[][] factorRows) {
        float[][] codes = encoder.encode(factorRows);
        if (codes == null || codes.length != factorRows.length) {
            String got = codes == null ? "null" : codes.length + " codes";
            throw new IllegalStateException(metric + ": encoder returned " + got + " for " + factorRows.length
                    + " factor rows");
        }
        InputChecks.codes(metric, "encoded codes", codes);
        if (width < 0) {
            width = codes[0].length;
        } else if (codes[0].length != width) {
            throw new IllegalStateException(metric + ": encoder returned " + codes[0].length
                    + "-dimensional codes after " + width + "-dimensional ones");
        }
        return codes;
    }

    /** Encodes many rows in batches of {@code batchSize}, the way a model would be fed. */
    float[][] encodeInBatches(int[][] factorRows, int batchSize) {
        float[][] codes = new float[factorRows.length][];
        for (int start = 0; start < factorRows.length; start += batchSize) {
            int end = Math.min(factorRows.length, start + batchSize);
            float[][] batch = encode(Arrays.copyOfRange(factorRows, start, end));
            System.arraycopy(batch, 0, codes, start, end - start);
        }
        return codes;
    }
}
