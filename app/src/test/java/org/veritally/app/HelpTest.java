package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command and subcommand, found by walking the picocli command tree (no list to keep up to
 * date), answers {@code -h}, {@code --help} and {@code help ...} with its usage and exit 0, and its
 * one-line description, the one its parent lists, is a whole sentence.
 */
class HelpTest {
    /** The path of names below the root of every command in the tree, the root's being empty. */
    static List<List<String>> paths() {
        List<List<String>> out = new ArrayList<>();
        walk(Main.commandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            walk(sub, p, out);
        });
    }

    static String[] args(List<String> path, String... more) {
        return Stream.concat(path.stream(), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void theTreeHoldsTheCommandsAndTheirSubcommands() {
        List<List<String>> paths = paths();
        assertThat(paths)
                .contains(
                        List.of("import"),
                        List.of("results"),
                        List.of("stats", "forensics"),
                        List.of("accounts", "add"),
                        List.of("help"),
                        List.of("stats", "help"),
                        List.of("accounts", "help"));
        assertThat(paths.size()).isGreaterThan(30);
    }

    @Test
    void everyCommandAnswersDashHAndDashDashHelpWithItsUsage() {
        for (List<String> path : paths()) {
            String usage = "Usage: " + String.join(" ", args(List.of("veritally"), path.toArray(String[]::new)));
            for (String flag : List.of("-h", "--help")) {
                CliTest.Run r = CliTest.run(args(path, flag));
                assertThat(r.code()).as("%s %s: %s", path, flag, r.err()).isZero();
                assertThat(r.out()).as("%s %s", path, flag).contains(usage);
                assertThat(r.err()).as("%s %s", path, flag).isEmpty();
            }
        }
    }

    @Test
    void helpNamesAnyCommandFromAnyLevel() {
        for (List<String> path : paths()) {
            if (path.contains("help")) continue;
            String usage = "Usage: veritally" + (path.isEmpty() ? "" : " " + String.join(" ", path));
            CliTest.Run fromRoot = CliTest.run(args(List.of("help"), path.toArray(String[]::new)));
            assertThat(fromRoot.code()).as("help %s: %s", path, fromRoot.err()).isZero();
            assertThat(fromRoot.out()).as("help %s", path).contains(usage);
            if (path.size() == 2) {
                CliTest.Run fromParent = CliTest.run(path.get(0), "help", path.get(1));
                assertThat(fromParent.code())
                        .as("%s help %s", path.get(0), path.get(1))
                        .isZero();
                assertThat(fromParent.out()).contains(usage);
            }
        }
        CliTest.Run unknown = CliTest.run("help", "stats", "nope");
        assertThat(unknown.code()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("Unknown subcommand 'nope' of veritally stats");
    }

    @Test
    void everyDescriptionsFirstLineIsAWholeSentence() {
        List<CommandSpec> specs = new ArrayList<>();
        collect(Main.commandLine(), specs);
        for (CommandSpec spec : specs) {
            String[] description = spec.usageMessage().description();
            assertThat(description)
                    .as("%s has a description", spec.qualifiedName())
                    .isNotEmpty();
            assertThat(description[0].strip())
                    .as("first line of %s's description", spec.qualifiedName())
                    .endsWith(".");
        }
    }

    private static void collect(CommandLine cl, List<CommandSpec> out) {
        out.add(cl.getCommandSpec());
        cl.getSubcommands().values().forEach(sub -> collect(sub, out));
    }
}
