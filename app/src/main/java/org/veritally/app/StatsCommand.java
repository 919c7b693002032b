package org.veritally.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code veritally stats}: the statistics of docs/statistics.md, one subcommand each. Every result names its
 * rule ({@code ST-*}) and carries its caveat; a statistical flag is a finding to look at, not a failed
 * check, so the exit code is 0 whenever the statistic could be computed (2 for a usage or I/O error).
 */
@Command(
        name = "stats",
        description = "Statistics for observers: forensics, quick count, round shares, sample size, irreversibility.",
        subcommands = {
            StatsForensicsCommand.class,
            StatsRoundSharesCommand.class,
            StatsSampleSizeCommand.class,
            StatsQuickCountCommand.class,
            StatsIrreversibleCommand.class
        })
final class StatsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints each caveat once, under a heading. */
    static void caveats(java.util.List<org.veritally.stats.RuleId> rules) {
        System.out.println("Caveats:");
        for (var r : rules) {
            System.out.println("  " + r.code() + ": " + r.caveat());
        }
    }
}
