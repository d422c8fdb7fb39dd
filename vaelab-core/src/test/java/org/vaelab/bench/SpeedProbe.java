package org.vaelab.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.global.torch;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.data.dsprites.DSpritesRenderer;
import org.vaelab.model.ModelFactory;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.objective.ObjectiveFactory;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.Adam;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;
import org.vaelab.train.BatchSource;
import org.vaelab.train.StepRecord;
import org.vaelab.train.Trainer;
import org.vaelab.train.TrainingListener;

/**
 * The vaelab side of bench/speed-*.sh (a main class, never a test). Thread pools come from the environment
 * (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, OMP_WAIT_POLICY) as with ./vaelab; --threads sets libtorch's pool
 * exactly (not through Engine.threads, whose one-pool-at-a-time rule would override the configuration measured).
 * Output: one "RESULT key=value ..." line per measurement.
 *
 * <pre>
 * steps  --arch mlp|conv --threads N --warmup W --steps S [--rss-every K]   Trainer's loop, steady-state steps/s
 * matmul --threads N --size 1024 --seconds 3                                 sgemm probe (GFLOPS)
 * render --count N                                                          dSprites renderer, microseconds/image
 * dump   --count N --seed S --out FILE                                      random grid images as raw uint8
 * layers --threads N --iters K                                              conv model's layers, fwd+bwd ms each
 * phases --arch mlp|conv --threads N --warmup W --steps S                   median ms per phase of a training step
 * parts  --arch mlp|conv --threads N --warmup W --steps S                   median ms of encoder, decoder, likelihood
 * config                                                                    libtorch build and thread info
 * any mode: --mkldnn 0 / --nnpack 0 turn oneDNN / NNPACK off for convolutions
 * </pre>
 */
public final class SpeedProbe {
    private SpeedProbe() {
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> a = options(argv);
        // --mkldnn 0 routes convolutions through libtorch's own kernels (im2col + BLAS) instead of oneDNN.
        if (a.getOrDefault("mkldnn", "1").equals("0")) {
            torch.globalContext().setUserEnabledMkldnn(false);
        }
        // --nnpack 0 likewise turns NNPACK off.
        if (a.getOrDefault("nnpack", "1").equals("0")) {
            torch.globalContext().setUserEnabledNNPACK(false);
        }
        switch (argv.length == 0 ? "" : argv[0]) {
            case "steps" -> steps(a);
            case "matmul" -> matmul(a);
            case "render" -> render(a);
            case "dump" -> dump(a);
            case "layers" -> layers(a);
            case "phases" -> phases(a);
            case "parts" -> parts(a);
            case "config" -> {
                System.out.println(torch.show_config().getString());
                System.out.println(torch.get_parallel_info().getString());
                System.out.println("hasMKLDNN=" + torch.hasMKLDNN());
            }
            default -> throw new IllegalArgumentException("mode: steps, matmul, render, dump or config");
        }
    }

    /** The benchmark models: issue #4's MLP VAE and the default run's conv beta-VAE. */
    static TrainConfig config(String arch, int threads) {
        boolean mlp = arch.equals("mlp");
        return new TrainConfig(mlp ? "vae" : "beta-vae", mlp ? "mnist" : "dsprites", null, mlp ? "dynamic" : "none",
                mlp ? 32 : 10, arch, List.of(512, 512), "relu", "bernoulli", null, mlp ? 1 : 4, 1000, 25, 1000,
                0, "mss", "gaussian", "iso", 1, null, 2, 4, 0.8, "kl-inc", 10, 3, 4, "gaussian", 16, 0.0, 0L, null,
                1_000_000, null, mlp ? 128 : 64, 1e-3, 0, threads, 10, 100, 500, null);
    }

    private static void steps(Map<String, String> a) {
        String arch = a.getOrDefault("arch", "mlp");
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "30"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "200"));
        int rssEvery = Integer.parseInt(a.getOrDefault("rss-every", "0"));
        boolean heap = a.getOrDefault("heap", "0").equals("1");
        Bench bench = Bench.setUp(arch, threads);
        TrainConfig config = bench.config();
        VariationalAutoencoder model = bench.model();
        Adam adam = new Adam(model.parameters(), config.lr());
        BatchSource batches = bench.batches();
        long[] done = new long[warmup + steps + 1];
        long[] cpu = new long[2];
        long[] faults = new long[2];
        List<String> rss = new ArrayList<>();
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onStart(long startStep, long totalSteps) {
                done[0] = System.nanoTime();
                cpu[0] = warmup == 0 ? cpuNanos() : 0;
            }

            @Override
            public void onStep(StepRecord r) {
                done[(int) r.step()] = System.nanoTime();
                if (r.step() == warmup) {
                    cpu[0] = cpuNanos();
                    faults[0] = minorFaults();
                } else if (r.step() == warmup + steps) {
                    cpu[1] = cpuNanos();
                    faults[1] = minorFaults();
                }
                if (rssEvery > 0 && (r.step() % rssEvery == 0 || r.step() == 1)) {
                    // step:RSS kB, and with --heap 1 also Java heap committed and JavaCPP-tracked native kB
                    rss.add(r.step() + ":" + rssKb() + (heap ? ":" + Runtime.getRuntime().totalMemory() / 1024 + ":"
                            + org.bytedeco.javacpp.Pointer.totalBytes() / 1024 : ""));
                }
            }

            @Override
            public void onEnd(long completedSteps) {
            }
        };
        new Trainer(model, ObjectiveFactory.build(config, 1), adam, batches, config.seed(), config.klEvery(),
                List.of(timer)).run(0, warmup + steps);
        double seconds = (done[warmup + steps] - done[warmup]) / 1e9;
        double[] per = new double[steps];
        for (int i = 0; i < steps; i++) {
            per[i] = (done[warmup + i + 1] - done[warmup + i]) / 1e6;
        }
        Arrays.sort(per);
        System.out.printf("RESULT side=vaelab arch=%s threads=%d steps=%d seconds=%.3f steps_per_s=%.3f "
                        + "median_step_ms=%.3f cpu_ms_per_step=%.3f faults_per_step=%d rss_kb=%d%s%n", arch, threads, steps,
                seconds, steps / seconds, per[steps / 2], (cpu[1] - cpu[0]) / 1e6 / steps,
                (faults[1] - faults[0]) / steps, rssKb(),
                rss.isEmpty() ? "" : " rss_trace=" + String.join(",", rss));
    }

    private static void matmul(Map<String, String> a) {
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        int n = Integer.parseInt(a.getOrDefault("size", "1024"));
        double budget = Double.parseDouble(a.getOrDefault("seconds", "3"));
        torch.set_num_threads(threads);
        try (NoGrad ignored = NoGrad.open(); Scope scope = Scope.open()) {
            Tensor x = Tensor.randn(n, n);
            Tensor y = Tensor.randn(n, n);
            for (int i = 0; i < 3; i++) {
                try (Scope s = Scope.open()) {
                    x.matmul(y).sum().item();
                }
            }
            long start = System.nanoTime();
            int iters = 0;
            while ((System.nanoTime() - start) / 1e9 < budget) {
                try (Scope s = Scope.open()) {
                    x.matmul(y).sum().item();
                }
                iters++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT side=vaelab probe=matmul threads=%d size=%d gflops=%.1f%n", threads, n,
                    2.0 * n * n * n * iters / seconds / 1e9);
        }
    }

    /**
     * A training step cut into phases, each timed on its own (same work and scopes as Trainer's step): batch,
     * forward with the loss read back, zero_grad + backward, optimizer step, and freeing the step's native objects.
     */
    private static void phases(Map<String, String> a) {
        String arch = a.getOrDefault("arch", "mlp");
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "30"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "200"));
        Bench bench = Bench.setUp(arch, threads);
        VariationalAutoencoder model = bench.model();
        Adam adam = new Adam(model.parameters(), bench.config().lr());
        var objective = ObjectiveFactory.build(bench.config(), 1);
        BatchSource batches = bench.batches();
        String[] names = {"batch", "forward_loss", "backward", "optimizer", "free"};
        long[][] times = new long[names.length][steps];
        for (int step = 0; step < warmup + steps; step++) {
            long[] t = new long[names.length + 1];
            Scope scope = Scope.open();
            t[0] = System.nanoTime();
            Engine.seed(step);
            Tensor x = batches.batch(step);
            t[1] = System.nanoTime();
            Tensor total;
            try (Scope forward = Scope.open()) {
                var loss = objective.evaluate(model.forward(x), step);
                loss.total().item();
                loss.terms().values().forEach(Tensor::item);
                total = forward.keep(loss.total());
            }
            t[2] = System.nanoTime();
            adam.zeroGrad();
            total.backward();
            t[3] = System.nanoTime();
            adam.step();
            t[4] = System.nanoTime();
            scope.close();
            t[5] = System.nanoTime();
            if (step >= warmup) {
                for (int p = 0; p < names.length; p++) {
                    times[p][step - warmup] = t[p + 1] - t[p];
                }
            }
        }
        printMedians("phases", arch, threads, names, times);
    }

    /**
     * Forward + backward of the model's parts alone: the encoder on a batch, the decoder on random codes (to the
     * likelihood's parameters), and the Bernoulli log-likelihood on random logits.
     */
    private static void parts(Map<String, String> a) {
        String arch = a.getOrDefault("arch", "conv");
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "20"));
        Bench bench = Bench.setUp(arch, threads);
        TrainConfig config = bench.config();
        Dataset.Shape shape = bench.shape();
        VariationalAutoencoder model = bench.model();
        BatchSource batches = bench.batches();
        String[] names = {"encoder", "decoder", "likelihood"};
        long[][] times = new long[names.length][steps];
        for (int step = 0; step < warmup + steps; step++) {
            for (int p = 0; p < names.length; p++) {
                try (Scope scope = Scope.open()) {
                    Tensor x = batches.batch(step);
                    long start = System.nanoTime();
                    switch (p) {
                        case 0 -> model.encoder().encode(x).mean().sum().backward();
                        case 1 -> model.decoder().decode(Tensor.randn(config.batch(), config.latent())).logProb(x)
                                .sum().backward();
                        default -> {
                            Tensor logits = Tensor.randn(config.batch(), shape.size()).requiresGrad();
                            x.mul(logits).sub(logits.softplus()).sum(-1).sum().backward();
                        }
                    }
                    if (step >= warmup) {
                        times[p][step - warmup] = System.nanoTime() - start;
                    }
                }
            }
        }
        printMedians("parts", arch, threads, names, times);
    }

    /** One RESULT line with the median milliseconds of each named timing. */
    private static void printMedians(String probe, String arch, int threads, String[] names, long[][] times) {
        StringBuilder out = new StringBuilder("RESULT side=vaelab probe=" + probe + " arch=" + arch + " threads="
                + threads);
        for (int p = 0; p < names.length; p++) {
            Arrays.sort(times[p]);
            out.append(String.format(" %s_ms=%.3f", names[p], times[p][times[p].length / 2] / 1e6));
        }
        System.out.println(out);
    }

    /** A benchmark model with its batches: libtorch's pool at exactly {@code threads}, seeded as Trainer is. */
    private record Bench(TrainConfig config, Dataset.Shape shape, VariationalAutoencoder model, BatchSource batches) {
        static Bench setUp(String arch, int threads) {
            TrainConfig config = SpeedProbe.config(arch, threads);
            Dataset.Shape shape = arch.equals("mlp") ? Dataset.Shape.flat(784) : new Dataset.Shape(1, 64, 64);
            torch.set_num_threads(threads);
            Engine.seed(config.seed());
            VariationalAutoencoder model = ModelFactory.build(config, shape);
            BatchSource batches = new BatchSource(new Pool(shape, arch.equals("mlp") ? 8192 : 2048), config.batch(),
                    config.seed());
            return new Bench(config, shape, model, batches);
        }
    }

    /** in, out, kernel, stride, padding, input side, shuffle: the conv VAE's convolutions (batch 64). */
    static final int[][] CONV_LAYERS = {{1, 32, 4, 2, 1, 64, 0}, {32, 32, 4, 2, 1, 32, 0}, {32, 64, 4, 2, 1, 16, 0},
        {64, 64, 4, 2, 1, 8, 0}, {64, 256, 3, 1, 1, 4, 1}, {64, 128, 3, 1, 1, 8, 1}, {32, 128, 3, 1, 1, 16, 1},
        {32, 4, 3, 1, 1, 32, 1}};

    /** Forward + backward of each convolution alone (input gradient too, except for the first layer). */
    private static void layers(Map<String, String> a) {
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        int iters = Integer.parseInt(a.getOrDefault("iters", "30"));
        torch.set_num_threads(threads);
        StringBuilder out = new StringBuilder("RESULT side=vaelab probe=layers threads=" + threads);
        for (int[] l : CONV_LAYERS) {
            Tensor w = Tensor.randn(l[1], l[0], l[2], l[2]).mul(0.05).requiresGrad();
            Tensor b = Tensor.zeros(l[1]).requiresGrad();
            Tensor x = Tensor.rand(64, l[0], l[5], l[5]);
            if (l[0] > 1) {
                x = x.requiresGrad();
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < iters + 3; i++) {
                long start = System.nanoTime();
                try (Scope s = Scope.open()) {
                    Tensor y = x.conv2d(w, b, l[3], l[4]);
                    if (l[6] == 1) {
                        y = y.pixelShuffle(2);
                    }
                    y.sum().backward();
                }
                best = Math.min(best, System.nanoTime() - start);
            }
            out.append(String.format(" conv%dx%d_%d_%d_%d=%.2f", l[2], l[2], l[0], l[1], l[5], best / 1e6));
        }
        System.out.println(out);
    }

    private static void render(Map<String, String> a) {
        int count = Integer.parseInt(a.getOrDefault("count", "96000"));
        SplittableRandom rng = new SplittableRandom(1);
        float[] out = new float[64 * DSpritesRenderer.PIXELS];
        for (int i = 0; i < 20_000; i++) {
            DSpritesRenderer.render(rng.nextInt(737_280), out, (i % 64) * DSpritesRenderer.PIXELS);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            DSpritesRenderer.render(rng.nextInt(737_280), out, (i % 64) * DSpritesRenderer.PIXELS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT side=vaelab probe=render count=%d seconds=%.3f us_per_image=%.2f%n", count, seconds,
                seconds / count * 1e6);
    }

    /** {@code count} random grid images as raw 0/1 bytes in FILE, their indices as text in FILE.indices. */
    private static void dump(Map<String, String> a) throws IOException {
        int count = Integer.parseInt(a.getOrDefault("count", "2000"));
        SplittableRandom rng = new SplittableRandom(Long.parseLong(a.getOrDefault("seed", "7")));
        Path out = Path.of(a.get("out"));
        float[] image = new float[DSpritesRenderer.PIXELS];
        StringBuilder indices = new StringBuilder();
        try (DataOutputStream images = new DataOutputStream(Files.newOutputStream(out))) {
            for (int i = 0; i < count; i++) {
                int index = rng.nextInt(737_280);
                indices.append(index).append('\n');
                DSpritesRenderer.render(index, image, 0);
                for (float v : image) {
                    images.writeByte(v > 0.5f ? 1 : 0);
                }
            }
        }
        Files.writeString(Path.of(out + ".indices"), indices);
    }

    /** CPU time of the whole process (every thread, native ones included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The process's minor page faults so far (field 10 of /proc/self/stat), -1 where unreadable. */
    private static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static Map<String, String> options(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i + 1 < argv.length; i += 2) {
            out.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        return out;
    }

    /** Synthetic binary examples held in memory: fill is a copy, as a pre-rendered data set would be. */
    static final class Pool implements Dataset {
        private final Shape shape;
        private final float[] values;
        private final int size;

        Pool(Shape shape, int size) {
            this.shape = shape;
            this.size = size;
            this.values = new float[size * shape.size()];
            SplittableRandom rng = new SplittableRandom(42);
            for (int i = 0; i < values.length; i++) {
                values[i] = rng.nextDouble() < 0.3 ? 1f : 0f;
            }
        }

        @Override
        public String name() {
            return "pool";
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Shape shape() {
            return shape;
        }

        @Override
        public ValueKind valueKind() {
            return ValueKind.BINARY;
        }

        @Override
        public void fill(int[] indices, float[] out, SplittableRandom rng) {
            int d = shape.size();
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(values, indices[i] * d, out, i * d, d);
            }
        }

        @Override
        public String provenance() {
            return "synthetic Bernoulli(0.3) pool";
        }
    }
}
