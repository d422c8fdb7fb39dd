package org.vaelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void resumeContinuesTheSameTraceAsAnUninterruptedRun() throws IOException {
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");
        String[] common = {"--dataset", "pinwheel", "--batch", "50", "--threads", "1", "--log-every", "1"};
        assertThat(train(straight, common, "--steps", "30").exitCode()).isZero();
        assertThat(train(resumed, common, "--steps", "12").exitCode()).isZero();
        CliRunner.Result r = train(resumed, common, "--steps", "30", "--resume");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("from step 12");
        List<String> expected = Files.readAllLines(straight.resolve("metrics.jsonl"));
        assertThat(Files.readAllLines(resumed.resolve("metrics.jsonl"))).containsExactlyElementsOf(expected);
    }

    @Test
    void resumeRefusesFlagsThatWouldChangeTheModel() {
        Path run = dir.resolve("run");
        assertThat(train(run, new String[] {"--dataset", "pinwheel", "--threads", "1"}, "--steps", "3").exitCode())
                .isZero();
        CliRunner.Result r = train(run, new String[] {"--latent", "5", "--threads", "1"}, "--steps", "6", "--resume");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--latent").contains("2").contains("5");
    }

    private static CliRunner.Result train(Path out, String[] common, String... more) {
        String[] args = new String[common.length + more.length + 3];
        args[0] = "train";
        args[1] = "--out";
        args[2] = out.toString();
        System.arraycopy(common, 0, args, 3, common.length);
        System.arraycopy(more, 0, args, 3 + common.length, more.length);
        return CliRunner.run(args);
    }
}
