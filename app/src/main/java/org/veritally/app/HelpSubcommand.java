package org.veritally.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND [SUBCOMMAND ...]]}: the usage of the command it is under, or of a command below
 * it, however deep ({@code help stats forensics}, {@code stats help forensics}). picocli's own
 * {@code HelpCommand} takes one name only.
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Print the usage of a command or of a subcommand, e.g. `help stats forensics`.")
final class HelpSubcommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(
            paramLabel = "COMMAND",
            arity = "0..*",
            description = "the command, then its subcommand, whose usage to print")
    List<String> path = new ArrayList<>();

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String name : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null)
                throw new ParameterException(
                        self,
                        "Unknown subcommand '" + name + "' of "
                                + command.getCommandSpec().qualifiedName() + ".");
            command = sub;
        }
        command.usage(out, colors);
    }
}
