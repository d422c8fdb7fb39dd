package org.vaelab.data.cifar;

import org.vaelab.UserInputException;

/**
 * The records of CIFAR-10's binary batches gathered into one array: each record is 1 label byte (0..9) and 3072
 * pixel bytes, the 1024 red values, then green, then blue, each a 32x32 image row by row. That is already the
 * (channels, height, width) order vaelab uses, so pixels are copied as they are.
 */
final class CifarRecords {

    static final int PIXELS = 3 * 32 * 32;
    static final int RECORD_BYTES = 1 + PIXELS;

    private final int recordsPerFile;
    private final byte[] pixels;
    private final byte[] labels;
    private final boolean[] filled;

    /** Room for {@code files} batches of {@code recordsPerFile} records each. */
    CifarRecords(int files, int recordsPerFile) {
        this.recordsPerFile = recordsPerFile;
        this.pixels = new byte[files * recordsPerFile * PIXELS];
        this.labels = new byte[files * recordsPerFile];
        this.filled = new boolean[files];
    }

    /** Copies batch file number {@code slot}; {@code source} names it in errors. */
    void add(int slot, byte[] content, String source) {
        long expected = (long) recordsPerFile * RECORD_BYTES;
        if (content.length != expected) {
            throw new UserInputException(source + " is " + content.length + " bytes, but a CIFAR-10 batch holds "
                    + recordsPerFile + " records of " + RECORD_BYTES + " bytes (" + expected + " bytes); "
                    + Cifar10.FIX);
        }
        int first = slot * recordsPerFile;
        for (int r = 0; r < recordsPerFile; r++) {
            int offset = r * RECORD_BYTES;
            int label = content[offset] & 0xff;
            if (label >= Cifar10.CLASSES) {
                throw new UserInputException(source + " has label " + label + " in record " + r
                        + ", but CIFAR-10 labels are 0..9; " + Cifar10.FIX);
            }
            labels[first + r] = (byte) label;
            System.arraycopy(content, offset + 1, pixels, (first + r) * PIXELS, PIXELS);
        }
        filled[slot] = true;
    }

    boolean isFilled(int slot) {
        return filled[slot];
    }

    byte[] pixels() {
        return pixels;
    }

    byte[] labels() {
        return labels;
    }
}
