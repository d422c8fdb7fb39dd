package org.vaelab.tensor;

import org.bytedeco.javacpp.PointerScope;

/**
 * Frees every native tensor created inside it when closed. Open one around each training step, evaluation
 * batch and data batch: the JVM's garbage collector does not see native memory and would let it grow without
 * bound. Tensors that must outlive the scope (parameters, optimizer state) are created outside any scope.
 * Scopes are per thread and nest.
 */
public final class Scope implements AutoCloseable {
    private final PointerScope scope;

    private Scope() {
        this.scope = new PointerScope();
    }

    public static Scope open() {
        return new Scope();
    }

    @Override
    public void close() {
        scope.close();
    }
}
