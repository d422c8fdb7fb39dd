package org.vaelab.cli;

import java.lang.reflect.RecordComponent;
import java.util.Objects;
import org.vaelab.UserInputException;
import org.vaelab.run.TrainConfig;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A resumed run keeps its saved config. A flag given with --resume that would change it is refused rather than
 * silently ignored, so the checkpoint is never continued under a different model or objective.
 */
final class ResumeCheck {
    private ResumeCheck() {
    }

    static void rejectChangedFlags(CommandSpec spec, TrainConfig saved, TrainConfig requested) {
        for (String flag : TrainCommand.givenFlags(spec)) {
            if (TrainCommand.RESUMABLE.containsKey(flag)) {
                continue;
            }
            String field = toField(flag);
            Object before = valueOf(saved, field);
            Object after = valueOf(requested, field);
            if (!Objects.equals(before, after)) {
                throw new UserInputException("the run was trained with " + flag + " " + before + ", not " + after
                        + "; drop " + flag + " to resume it, or train a new run with another --out");
            }
        }
    }

    /** --capacity-max -> capacityMax */
    private static String toField(String flag) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : flag.substring(2).toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Object valueOf(TrainConfig config, String field) {
        for (RecordComponent component : TrainConfig.class.getRecordComponents()) {
            if (component.getName().equals(field)) {
                try {
                    return component.getAccessor().invoke(config);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
