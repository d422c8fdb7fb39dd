package org.vaelab.data.mat;

/**
 * One split of a dataset kept in a MAT file: its name and the two variables that hold it.
 *
 * @param id     "train" or "test", the suffix of the dataset name
 * @param images the variable holding the images
 * @param labels the variable holding their labels
 */
public record MatSplit(String id, String images, String labels) {
}
