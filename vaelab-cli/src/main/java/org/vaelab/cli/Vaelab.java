package org.vaelab.cli;

import java.io.PrintWriter;
import org.vaelab.UserInputException;
import org.vaelab.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The vaelab command line: a thin shell over vaelab-core. */
@Command(name = "vaelab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train, evaluate and explore variational autoencoders.",
        subcommands = {TrainCommand.class, EvalCommand.class, ReconstructCommand.class, SampleCommand.class,
                TraverseCommand.class, InterpolateCommand.class, PlotCommand.class, EncodeCommand.class,
                MetricsCommand.class, BaselineCommand.class, LatentDensityCommand.class, CompressCommand.class,
                ConditionalCommand.class,
                CommandLine.HelpCommand.class})
public final class Vaelab {
    /** Exit code for a problem the user can fix: bad flags, missing or corrupt data, a run directory in the way. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for training that produced a non-finite loss. */
    public static final int EXIT_DIVERGED = 3;
    /** Exit code for anything unexpected (a bug): please report it. */
    public static final int EXIT_INTERNAL = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; what it prints goes to System.out and System.err. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Vaelab());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("vaelab: " + e.getMessage() + " (see ./vaelab "
                    + e.getCommandLine().getCommandName() + " --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
        return cli.execute(args);
    }

    private static int report(Exception e, PrintWriter err) {
        if (e instanceof UserInputException) {
            err.println("vaelab: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (e instanceof TrainingDivergedException) {
            err.println("vaelab: " + e.getMessage());
            return EXIT_DIVERGED;
        }
        err.println("vaelab: internal error: " + e + " (set VAELAB_DEBUG=1 for the stack trace and please report it)");
        if (System.getenv("VAELAB_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }
}
