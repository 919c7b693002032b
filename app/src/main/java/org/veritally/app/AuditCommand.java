package org.veritally.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRecord;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.intake.AuditStatus;
import org.veritally.server.intake.EntryResult;
import org.veritally.server.intake.RecordAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally audit}: define a risk-limiting audit, reveal its seed, record hand counts, measure its risk. */
@Command(
        name = "audit",
        description = "Risk-limiting audits (docs/audit.md): define, sample, record, risk, status.",
        subcommands = {
            AuditCommand.Define.class,
            AuditCommand.Sample.class,
            AuditCommand.Record.class,
            AuditCommand.Risk.class,
            AuditCommand.Status.class
        })
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The account the command line writes as. */
    static final String ACCOUNT = "cli";

    /**
     * What every subcommand shares: the data directory, opened for the call, and its audit recorder. Picocli reads
     * the options of the superclasses too.
     */
    abstract static class Step implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Override
        public final Integer call() {
            try (Instance in = data.open()) {
                return run(in.auditRecorder());
            }
        }

        abstract int run(RecordAudit audits);
    }

    /** A subcommand about one audit, named by {@code --id}. */
    abstract static class OneAudit extends Step {
        @Option(names = "--id", required = true, description = "the audit's id")
        String id;
    }

    /** A subcommand about one audit that prints where it stands, as text or ({@code --json}) JSON. */
    abstract static class Printing extends OneAudit {
        @Option(names = "--json", description = "print JSON")
        boolean json;
    }

    /** Prints an entry's problems (one line each, rule ID and location); whether there were any. */
    static boolean refused(EntryResult r) {
        r.problems().forEach(p -> System.err.println(p));
        return !r.problems().isEmpty();
    }

    /** Prints an entry's problems (one line each, rule ID and location) and returns its exit code. */
    static int outcome(EntryResult r, String what) {
        if (refused(r)) return Main.REJECTED;
        System.out.println(
                what + " recorded at log index " + r.index() + (r.idempotent() ? " (already in the log)" : ""));
        return Main.OK;
    }

    static AuditStatus status(RecordAudit audits, String id) {
        return audits.status(id).orElseThrow(() -> new UsageError("--id: no audit '" + id + "' is defined"));
    }

    static void print(AuditStatus s, boolean json) {
        if (json) {
            System.out.println(Json.pretty(s));
            return;
        }
        System.out.printf(
                "audit %s: contest %s, view %s, %s, risk limit %s, at most %d rounds: %s%n",
                s.id(), s.contest(), s.view(), s.method(), s.riskLimit(), s.maxRounds(), s.state());
        if (!s.strata().isEmpty()) System.out.println("  strata: " + String.join(", ", s.strata()));
        s.seed().ifPresent(seed -> System.out.println("  seed: " + seed));
        if (s.seed().isEmpty()) System.out.println("  seed commitment: " + s.seedCommitment());
        s.reported()
                .ifPresent(r -> System.out.printf(
                        "  the audit uses the results as they stood at log index %d (%d station(s) changed and %d"
                                + " added since the seed)%n",
                        r.asOf(), r.changed(), r.added()));
        for (var r : s.rounds())
            System.out.printf(
                    "  round %d: %d draws, risk %s, %s (log index %d)%n",
                    r.round(), r.draws(), r.risk(), r.decision(), r.index());
        s.fullCount().ifPresent(f -> {
            System.out.printf(
                    "  full hand count: %d of %d stations counted%s%n",
                    f.counted(), f.stations(), f.complete() ? ": the reported outcome is " + f.result() : "");
            for (var t : f.totals())
                System.out.printf("    %s: reported %d, hand count %d%n", t.choice(), t.reported(), t.counted());
        });
        s.current().ifPresent(c -> {
            System.out.printf(
                    "  round %d being counted: %d draws, %d of %d stations counted, risk now %s%n",
                    c.round(), c.draws(), c.counted(), c.stations().size(), c.risk());
            for (var st : c.toCount())
                System.out.printf(
                        "    to count: %s (%s)%s%n",
                        st.station(), st.stratum(), st.ballots().isEmpty() ? "" : " ballots " + st.ballots());
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Command(name = "define", description = "Define an audit, committing to its seed before it is drawn.")
    static final class Define extends OneAudit {
        @Option(names = "--contest", required = true)
        String contest;

        @Option(names = "--view", defaultValue = "official", description = "official (default) or a source id")
        String view;

        @Option(names = "--risk-limit", required = true, description = "alpha, e.g. 0.05")
        String riskLimit;

        @Option(names = "--method", required = true, description = "macro | bravo")
        String method;

        @Option(names = "--max-rounds", defaultValue = "3")
        int maxRounds;

        @Option(names = "--commitment", description = "SHA-256 of the seed (64 hex digits); or give --commit-seed")
        Optional<String> commitment;

        @Option(names = "--commit-seed", description = "the seed text, hashed here; only its hash is written")
        Optional<String> commitSeed;

        @Option(
                names = "--stratum",
                description = "MACRO: a unit (jurisdiction) sampled apart; repeat for each, covering the contest"
                        + " (docs/audit.md, stratified sampling)")
        List<String> strata = new java.util.ArrayList<>();

        @Override
        int run(RecordAudit audits) {
            if (commitment.isPresent() == commitSeed.isPresent())
                throw new UsageError("give exactly one of --commitment and --commit-seed");
            AuditMethod m = AuditMethod.ofWire(method)
                    .orElseThrow(() -> new UsageError("--method: '" + method + "' is neither macro nor bravo"));
            String c = commitment.orElseGet(() -> sha256(commitSeed.get()));
            var d = new AuditDefinition(id, contest, view, riskLimit, m, maxRounds, c, audits.now(), strata);
            return outcome(audits.record(d, ACCOUNT, "audit " + id), "audit " + id);
        }
    }

    @Command(
            name = "sample",
            description = "Reveal the audit's seed (--seed) and print the stations to count; without --seed, print"
                    + " the current sample.")
    static final class Sample extends Printing {
        @Option(names = "--seed", description = "the seed as drawn in public; its SHA-256 must be the commitment")
        Optional<String> seed;

        @Override
        int run(RecordAudit audits) {
            status(audits, id);
            if (seed.isPresent()
                    && refused(audits.record(new SeedReveal(id, seed.get(), audits.now()), ACCOUNT, "seed of " + id)))
                return Main.REJECTED;
            AuditStatus s = status(audits, id);
            if (s.seed().isEmpty()) throw new UsageError("--seed: the seed of audit '" + id + "' is not revealed");
            print(s, json);
            return Main.OK;
        }
    }

    @Command(
            name = "record",
            description = "Record an audit board's hand count of one station (MACRO: --count CHOICE=VOTES for every"
                    + " choice; BRAVO: --ballot POSITION=CHOICE for every drawn ballot, CHOICE empty for none).")
    static final class Record extends OneAudit {
        @Option(names = "--station", required = true)
        String station;

        @Option(names = "--round", description = "the round (default: the round being counted)")
        Optional<Integer> round;

        @Option(names = "--count", description = "CHOICE=VOTES (MACRO)")
        Map<String, Long> counts = new LinkedHashMap<>();

        @Option(names = "--ballot", description = "POSITION=CHOICE (BRAVO)")
        Map<Long, String> ballots = new LinkedHashMap<>();

        @Option(names = "--board", required = true, description = "the audit board's members, as on the form")
        String board;

        @Override
        int run(RecordAudit audits) {
            AuditStatus s = status(audits, id);
            int n = round.orElseGet(
                    () -> s.current().map(AuditStatus.Current::round).orElse(1));
            AuditRecord h = new HandCount(id, n, station, counts, ballots, board, audits.now());
            int code = outcome(audits.record(h, ACCOUNT, "count of " + station), "hand count of " + station);
            if (code != Main.OK) return code;
            AuditStatus after = status(audits, id);
            if (after.rounds().size() > s.rounds().size()) {
                var r = after.rounds().get(after.rounds().size() - 1);
                System.out.printf(
                        "round %d complete: risk %s, %s (log index %d)%n",
                        r.round(), r.risk(), r.decision(), r.index());
            }
            return Main.OK;
        }
    }

    @Command(
            name = "risk",
            description = "Measure the round being counted now and record its risk (stations not yet counted count"
                    + " as the worst case).")
    static final class Risk extends Printing {
        @Override
        int run(RecordAudit audits) {
            AuditStatus s = status(audits, id);
            if (!s.state().equals("counting"))
                throw new UsageError("--id: audit '" + id + "' is " + s.state() + ", no round to measure");
            if (refused(audits.measure(id, ACCOUNT, "risk of " + id).orElseThrow())) return Main.REJECTED;
            print(status(audits, id), json);
            return Main.OK;
        }
    }

    @Command(name = "status", description = "Where every audit (or --id) stands: rounds, risk, stations to count.")
    static final class Status extends Step {
        @Option(names = "--id")
        Optional<String> id;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        int run(RecordAudit audits) {
            List<AuditStatus> all = id.isPresent() ? List.of(status(audits, id.get())) : audits.statuses();
            if (json) {
                System.out.println(Json.pretty(id.isPresent() ? all.get(0) : all));
                return Main.OK;
            }
            if (all.isEmpty()) System.out.println("no audit defined (bin/veritally audit define)");
            for (AuditStatus s : all) print(s, false);
            return Main.OK;
        }
    }
}
