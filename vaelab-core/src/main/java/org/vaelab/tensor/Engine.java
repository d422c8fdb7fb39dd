package org.vaelab.tensor;

import org.bytedeco.pytorch.global.torch;

/** Process-wide engine settings: threads and the random generator. */
public final class Engine {
    /** The libtorch version vaelab is built against, recorded in run provenance. */
    public static final String LIBTORCH_VERSION = "2.10.0";

    private Engine() {
    }

    /**
     * Sets libtorch's intra-op thread count for a run given {@code count} cores: all of them, unless OpenBLAS was
     * given more than one thread, in which case libtorch keeps one (two busy pools oversubscribe the cores:
     * docs/decisions/0003-threads.md). OpenBLAS and OpenMP size their own pools from OPENBLAS_NUM_THREADS and
     * OMP_NUM_THREADS when the native libraries load, so those must be set before the JVM starts (the launcher
     * and Surefire do); this call cannot change them.
     */
    public static void threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + count);
        }
        torch.set_num_threads(blasThreads() > 1 ? 1 : count);
    }

    /** OpenBLAS's pool size as the environment set it (its default, all cores, when unset). */
    static int blasThreads() {
        String value = System.getenv("OPENBLAS_NUM_THREADS");
        try {
            return value == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static int threads() {
        return torch.get_num_threads();
    }

    /** Seeds libtorch's global CPU generator, which every random tensor draws from. */
    public static void seed(long seed) {
        torch.manual_seed(seed);
    }
}
