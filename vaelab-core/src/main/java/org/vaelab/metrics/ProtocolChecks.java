package org.vaelab.metrics;

import org.vaelab.UserInputException;

/** Range checks for protocol settings, which may come straight from command-line flags. */
final class ProtocolChecks {
    private ProtocolChecks() {
    }

    static void positive(String metric, String setting, int value) {
        if (value < 1) {
            throw new UserInputException(metric + ": " + setting + " must be at least 1, got " + value);
        }
    }

    static void atLeast(String metric, String setting, int value, int minimum) {
        if (value < minimum) {
            throw new UserInputException(metric + ": " + setting + " must be at least " + minimum + ", got " + value);
        }
    }
}
