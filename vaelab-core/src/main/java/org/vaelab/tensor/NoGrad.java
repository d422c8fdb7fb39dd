package org.vaelab.tensor;

import org.bytedeco.pytorch.NoGradGuard;

/** Disables gradient recording on this thread while open (evaluation, sampling, in-place updates). */
public final class NoGrad implements AutoCloseable {
    private final NoGradGuard guard;

    private NoGrad() {
        this.guard = new NoGradGuard();
    }

    public static NoGrad open() {
        return new NoGrad();
    }

    @Override
    public void close() {
        guard.close();
    }
}
