package org.vaelab.tensor;

import org.bytedeco.javacpp.PointerScope;

/**
 * Frees every native tensor created inside it when closed. Open one around each training step, evaluation
 * batch and data batch: the JVM's garbage collector does not see native memory and would let it grow without
 * bound. Tensors that must outlive the scope (parameters, optimizer state) are created outside any scope, or
 * handed to the enclosing scope with {@link #keep}. Scopes are per thread and nest.
 */
public final class Scope implements AutoCloseable {
    private final PointerScope parent;
    private final PointerScope scope;

    private Scope() {
        this.parent = PointerScope.getInnerScope();
        this.scope = new PointerScope();
    }

    public static Scope open() {
        return new Scope();
    }

    /**
     * Moves {@code tensor} to the enclosing scope, so it survives this one's close. Closing a scope drops only
     * vaelab's handles: storage that autograd saved for backward stays alive until backward has used it, which
     * is why a forward pass in its own scope lets backward free activations as it goes.
     */
    public Tensor keep(Tensor tensor) {
        // Attach first: each scope holds one reference, and detaching releases this scope's.
        if (parent != null) {
            parent.attach(tensor.t);
        }
        scope.detach(tensor.t);
        return tensor;
    }

    @Override
    public void close() {
        scope.close();
    }
}
