package org.vaelab.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a live bar when stdout is a terminal, otherwise a plain line at every tenth of the
 * work (and at the end), so logs of non-interactive runs stay readable.
 */
final class Progress implements AutoCloseable {
    private final String task;
    private final long total;
    private final ProgressBar bar;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long nextPlainReport;
    private static final int UNKNOWN_TOTAL_SECONDS = 15;
    private long nextTimedReport = System.nanoTime() + UNKNOWN_TOTAL_SECONDS * 1_000_000_000L;

    /** {@code total} <= 0 means unknown: plain output then reports every {@value #UNKNOWN_TOTAL_SECONDS} s. */
    Progress(String task, long start, long total) {
        this.task = task;
        this.total = total;
        this.out = System.out;
        if (System.console() != null) {
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                    .startsFrom(start, java.time.Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
        } else {
            this.bar = null;
            this.nextPlainReport = start + Math.max(1, total / 10);
        }
    }

    /** Progress of work whose total is unknown. */
    void stepQuietly(long done) {
        if (bar != null) {
            bar.stepTo(done);
        } else if (System.nanoTime() >= nextTimedReport) {
            out.printf("%s: %d, %.0fs%n", task, done, (System.nanoTime() - startNanos) / 1e9);
            nextTimedReport = System.nanoTime() + UNKNOWN_TOTAL_SECONDS * 1_000_000_000L;
        }
    }

    void step(long done, String detail) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(detail);
        } else if (done >= nextPlainReport || done == total) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.printf("%s %d/%d (%.0f%%) %.0fs %s%n", task, done, total, 100.0 * done / total, seconds, detail);
            nextPlainReport = done + Math.max(1, total / 10);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
