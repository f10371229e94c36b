package dev.landmarks.cli;

import dev.landmarks.cli.evaluate.EvaluateCommand;
import dev.landmarks.cli.explain.ExplainCommand;
import dev.landmarks.cli.index.IndexCommand;
import dev.landmarks.cli.run.DemoCommand;
import dev.landmarks.cli.run.RunCommand;
import dev.landmarks.cli.sink.CollectCommand;
import dev.landmarks.cli.submit.SubmitCommand;
import dev.landmarks.cli.train.TrainCommand;
import dev.landmarks.common.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

/**
 * The {@code landmarks} command: parses the command line and runs one subcommand. Each subcommand is a class
 * registered in the {@code subcommands} list below (adding one is one line there); it reaches the configuration
 * through {@link #settings()} of its parent. Errors end as one line on stderr and an exit code from {@link ExitCodes}
 * (stack traces only with the setting {@value #DEBUG} = true).
 */
@Command(name = "landmarks",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Landmark recognition on Kafka: publish photos, collect results as a Kaggle submission, score it.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Settings: every option can also be given as -Dlandmarks.KEY=value or env LANDMARKS_KEY "
                + "(see docs/cli.md)."},
        subcommands = {
                HelpCommand.class,
                SubmitCommand.class,
                CollectCommand.class,
                EvaluateCommand.class,
                IndexCommand.class,
                RunCommand.class,
                DemoCommand.class,
                TrainCommand.class,
                ExplainCommand.class,
        })
public final class Main implements Callable<Integer> {
    /** Setting that makes errors print their stack trace. */
    public static final String DEBUG = "cli.debug";

    private final Settings settings;

    @Spec
    private CommandSpec spec;

    public Main() {
        this(Settings.fromEnvironment());
    }

    public Main(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** No command given: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("landmarks: a command is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The parsed-and-ready command line, writing to the given streams (tests capture them). */
    public static CommandLine commandLine(Settings settings, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(settings));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("landmarks " + command.getCommandName() + ": " + describe(e));
            if (settings.flag(DEBUG, false)) {
                e.printStackTrace(command.getErr());
            }
            command.getErr().flush();
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    /** Runs one command line and returns its exit code. */
    public static int run(Settings settings, PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(settings, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment();
        System.exit(run(settings, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException f) {
            return "no such file: " + f.getFile();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
