package org.vaelab.train;

/** The loss or one of its terms became NaN or infinite; the step that did so was not applied. */
public final class TrainingDivergedException extends RuntimeException {
    private final long step;
    private final String term;

    public TrainingDivergedException(long step, String term, double value) {
        super("training diverged at step " + step + ": " + term + " became " + value
                + "; the last good checkpoint is kept; try a lower --lr");
        this.step = step;
        this.term = term;
    }

    public long step() {
        return step;
    }

    public String term() {
        return term;
    }
}
