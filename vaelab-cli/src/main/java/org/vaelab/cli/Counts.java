package org.vaelab.cli;

import org.vaelab.UserInputException;

/** Validation of count-like flags. */
final class Counts {
    private Counts() {
    }

    static void positive(String flag, int value) {
        if (value < 1) {
            throw new UserInputException(flag + " must be at least 1, got " + value);
        }
    }
}
