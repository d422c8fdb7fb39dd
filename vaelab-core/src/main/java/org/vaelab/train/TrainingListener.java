package org.vaelab.train;

/** Hooks into the {@link Trainer}'s loop: logging, checkpoints, progress, schedules. */
public interface TrainingListener {

    /** Before the first step; {@code startStep} is 0 for a new run or the resumed checkpoint's step. */
    default void onStart(long startStep, long totalSteps) {
    }

    /** After each completed step, inside its native-memory scope. */
    default void onStep(StepRecord record) {
    }

    /** After the last step. */
    default void onEnd(long completedSteps) {
    }
}
