package org.vaelab.data.files;

import java.nio.file.Path;
import org.vaelab.UserInputException;

/** The refusal of a local file whose checksum is not the published one, worded alike for every dataset. */
public final class ChecksumMismatch {

    private ChecksumMismatch() {
    }

    /**
     * @param what     the file it should be, e.g. "mnist t10k-labels-idx1-ubyte"
     * @param checksum which checksum differs, e.g. "SHA-256" or "uncompressed SHA-256"
     */
    public static UserInputException of(Path file, String what, String checksum, String actual, String expected) {
        return new UserInputException(file + " is not the published " + what + ": its " + checksum + " is " + actual
                + ", expected " + expected + "; " + DataFolders.REPLACE_FIX);
    }
}
