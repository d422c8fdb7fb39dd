package org.vaelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in this JVM and captures what it prints. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {
        String[] errLines() {
            return err.isBlank() ? new String[0] : err.strip().split("\n");
        }
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Vaelab.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Runs {@code train} with {@code flags} into {@code out} and checks the refusal every bad input gets: exit code 2,
     * one line on stderr mentioning {@code mention}, and no run directory written.
     */
    static void assertTrainRefused(java.nio.file.Path out, String mention, String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "train";
        args[1] = "--out";
        args[2] = out.toString();
        System.arraycopy(flags, 0, args, 3, flags.length);
        Result r = run(args);
        org.assertj.core.api.Assertions.assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(r.errLines()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(r.err()).contains(mention);
        org.assertj.core.api.Assertions.assertThat(out).doesNotExist();
    }

    private CliRunner() {
    }
}
