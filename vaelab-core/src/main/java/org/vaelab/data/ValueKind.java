package org.vaelab.data;

/** What the values of a data vector are; chooses the default likelihood of the decoder. */
public enum ValueKind {
    /** Exactly 0 or 1 (dSprites, binarised MNIST): Bernoulli likelihood. */
    BINARY,
    /** k/255 for integer k (grey-level images): discretised logistic likelihood. */
    EIGHT_BIT,
    /** Any real number (pinwheel, spirals, user CSV): Gaussian likelihood. */
    REAL
}
