package org.vaelab.nn;

import org.vaelab.UserInputException;
import org.vaelab.data.Dataset.Shape;

/** Checks that an image can be halved by stride-2 stages and reports the side length that remains. */
final class ConvGeometry {
    private ConvGeometry() {
    }

    static int checkHalvable(Shape shape, int stages) {
        if (shape.height() != shape.width()) {
            throw new UserInputException("convolutional networks need square images, got " + shape.height() + "x"
                    + shape.width() + "; use --arch mlp");
        }
        int side = shape.height();
        if (side % (1 << stages) != 0) {
            throw new UserInputException("a " + side + "x" + side + " image cannot be halved " + stages
                    + " times; use --arch mlp or an image side divisible by " + (1 << stages));
        }
        return side >> stages;
    }
}
