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
    private String extra = "";

    Progress(String task, long start, long total) {
        this.task = task;
        this.total = total;
        this.out = System.out;
        if (System.console() != null) {
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(start, java.time.Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
        } else {
            this.bar = null;
            this.nextPlainReport = start + Math.max(1, total / 10);
        }
    }

    void step(long done, String detail) {
        extra = detail;
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(detail);
        } else if (done >= nextPlainReport || done == total) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.printf("%s %d/%d (%.0f%%) %.0fs %s%n", task, done, total, 100.0 * done / total, seconds, detail);
            nextPlainReport = done + Math.max(1, total / 10);
        }
    }

    String lastDetail() {
        return extra;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
