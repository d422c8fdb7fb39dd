package org.vaelab.data.mat;

import java.util.function.DoubleToIntFunction;

/**
 * How a value stored in a MAT file becomes an 8-bit level 0..255.
 *
 * @param level    the level of a value, or -1 when the value is not allowed
 * @param expected what the allowed values are, for the error message
 */
public record PixelLevels(DoubleToIntFunction level, String expected) {
}
