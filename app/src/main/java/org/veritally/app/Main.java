package org.veritally.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bin/veritally}: the command-line entry point. Four kinds of failure, four exit codes: 0 ok;
 * 1 when records were rejected or a verification failed (each named by its rule and location); 2 a
 * usage error or a failure of the environment (disk, database, network), a full disk
 * ({@code STORE-FULL}) among them; 3 a bug ({@code internal error: ...}). Errors are one line, never
 * a stack trace (set VERITALLY_DEBUG=1 to see one); see {@link Failures}. Every command takes
 * {@code -h/--help}, and every command with subcommands a {@code help} subcommand.
 */
@Command(
        name = "veritally",
        mixinStandardHelpOptions = true,
        version = "veritally 0.1.0",
        description = "Election results tabulation that anyone can check.",
        subcommands = {
            ImportCommand.class,
            ResultsCommand.class,
            DiffCommand.class,
            TimelineCommand.class,
            GenerateCommand.class,
            RebuildCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            PublishCommand.class,
            LogKeyCommand.class,
            DiscrepanciesCommand.class,
            AnnouncementsCommand.class,
            AccountsCommand.class,
            KeygenCommand.class,
            SignSheetCommand.class,
            EndorseKeyCommand.class,
            StatsCommand.class,
            VerifyCommand.class,
            CheckReceiptCommand.class,
            WatchCommand.class,
            WitnessCommand.class,
            ExportCommand.class,
            EvidenceCommand.class,
            TranscribeCommand.class,
            CampaignCommand.class,
            AuditCommand.class
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (used by tests in-process). */
    public static int run(String... args) {
        return execute(commandLine(), System.getenv("VERITALLY_DEBUG") != null, args);
    }

    /**
     * The command tree, every command and subcommand with {@code -h/--help} (and {@code -V/--version}),
     * every command that has subcommands with a {@code help} subcommand.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        withHelp(cl, cl.getCommandSpec().version());
        return cl;
    }

    private static void withHelp(CommandLine cl, String[] version) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.helpCommand()) return;
        spec.mixinStandardHelpOptions(true);
        if (spec.version().length == 0) spec.version(version);
        if (!cl.getSubcommands().isEmpty() && !cl.getSubcommands().containsKey("help"))
            cl.addSubcommand("help", new HelpSubcommand());
        for (CommandLine sub : cl.getSubcommands().values()) withHelp(sub, version);
    }

    /** Runs {@code args} on {@code cl}: a thrown exception becomes one line and exit 2 or 3 ({@link Failures}). */
    static int execute(CommandLine cl, boolean debug, String... args) {
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> Failures.report(ex, cmd.getErr(), debug));
        cl.setExitCodeExceptionMapper(ex -> USAGE);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: out of memory; give the JVM more heap, e.g. JAVA_OPTS=-Xmx4g bin/veritally ...");
            return USAGE;
        } catch (RuntimeException | Error e) {
            // thrown outside a command's run, e.g. while picocli builds the commands
            return Failures.report(e, new PrintWriter(System.err, true), debug);
        }
    }
}
