package org.vaelab.data.binarize;

import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;

/** Binarisation reads each value as a Bernoulli probability, which only grey levels in [0, 1] are. */
final class ProbabilitySource {

    private ProbabilitySource() {
    }

    static Dataset require(Dataset source) {
        if (source.valueKind() == ValueKind.REAL) {
            throw new UserInputException(source.name() + " has real values, not grey levels in [0, 1], so it cannot be "
                    + "binarised; binarise only image data such as mnist or fashion-mnist");
        }
        return source;
    }
}
