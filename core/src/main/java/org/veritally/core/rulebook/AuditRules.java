package org.veritally.core.rulebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.entry.AuditEntry;
import org.veritally.core.model.Contest;
import org.veritally.core.validation.Problem;

/**
 * The {@link AuditRule}s of an audit entry, for the {@link Rulebook}: AUD-DEFINE, AUD-SEED, AUD-COUNT, AUD-ROUND
 * (whose draws, risk and decision must be those {@link AuditRecompute} computes from the log before the entry).
 * The same entry again (a definition or a reveal with the same members) is a repeat. Stateless.
 */
final class AuditRules {
    private AuditRules() {}

    static Decision decide(LedgerView ledger, long index, AuditEntry e, String where) {
        if (e.record() instanceof AuditDefinition d) return define(ledger, d, where);
        if (e.record() instanceof SeedReveal s) return reveal(ledger, s, where);
        if (e.record() instanceof AuditRisk r) return round(ledger, index, r, where);
        return count(ledger, (HandCount) e.record(), where);
    }

    /** The lowercase hex SHA-256 of the UTF-8 bytes of {@code seed}: the commitment a definition carries. */
    static String commitment(String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Decision define(LedgerView ledger, AuditDefinition d, String where) {
        Optional<AuditBook.Audit> existing = ledger.audits().audit(d.audit());
        if (existing.isPresent()) {
            if (existing.get().definition().equals(d))
                return new Decision.Repeat(existing.get().index());
            return refuse(
                    where + " audit",
                    "audit '" + d.audit() + "' is already defined at log index "
                            + existing.get().index(),
                    AuditRule.AUD_DEFINE);
        }
        List<Problem> out = new ArrayList<>(0);
        if (!org.veritally.core.model.Ids.valid(d.audit())) { // it names the audit's pages, files and API paths
            out.add(new Problem(
                    AuditRule.AUD_DEFINE,
                    where + " audit",
                    "audit id '" + d.audit() + "' is not an id (1-64 of A-Z a-z 0-9 . _ : -)"));
        }
        if (ledger.election().orElseThrow().contest(d.contest()).isEmpty()) {
            out.add(new Problem(AuditRule.AUD_DEFINE, where + " contest", "unknown contest '" + d.contest() + "'"));
        }
        if (!d.view().equals("official") && ledger.sourceIndex(d.view()) < 0) {
            out.add(new Problem(
                    AuditRule.AUD_DEFINE, where + " view", "view '" + d.view() + "' is neither official nor a source"));
        }
        double alpha = d.alpha();
        if (!d.riskLimit().matches("0\\.[0-9]{1,6}") || !(alpha > 0 && alpha < 1)) {
            out.add(Problem.mismatch(
                    AuditRule.AUD_DEFINE,
                    where + " riskLimit",
                    "a risk limit is a decimal in (0, 1)",
                    "0.05",
                    d.riskLimit()));
        }
        if (d.maxRounds() < 1) {
            out.add(Problem.mismatch(
                    AuditRule.AUD_DEFINE,
                    where + " maxRounds",
                    "an audit has at least one round",
                    ">= 1",
                    d.maxRounds()));
        }
        if (!d.seedCommitment().matches("[0-9a-f]{64}")) {
            out.add(new Problem(
                    AuditRule.AUD_DEFINE, where + " seedCommitment", "not a SHA-256 in 64 lowercase hex digits"));
        }
        if (d.stratified()) out.addAll(strata(ledger, d, where));
        return out.isEmpty() ? Decision.Accept.plain() : new Decision.Refuse(out);
    }

    /**
     * The strata of a stratified definition: MACRO only, declared units, none repeated or nested in another, and
     * every station of the catalogue under one of them.
     */
    private static List<Problem> strata(LedgerView ledger, AuditDefinition d, String where) {
        List<Problem> out = new ArrayList<>(0);
        if (d.method() != AuditMethod.MACRO) {
            out.add(new Problem(
                    AuditRule.AUD_DEFINE, where + " strata", "only a MACRO audit is stratified (docs/audit.md)"));
        }
        var cat = ledger.catalogue();
        java.util.Set<Integer> units = new java.util.HashSet<>();
        for (int i = 0; i < d.strata().size(); i++) {
            String u = d.strata().get(i);
            int at = cat.unitIndex(u);
            if (at < 0) {
                out.add(new Problem(AuditRule.AUD_DEFINE, where + " strata[" + i + "]", "unknown unit '" + u + "'"));
            } else if (!units.add(at)) {
                out.add(new Problem(AuditRule.AUD_DEFINE, where + " strata[" + i + "]", "unit '" + u + "' repeats"));
            }
        }
        for (int at : units) {
            int[] ancestry = cat.ancestry(at);
            for (int k = 1; k < ancestry.length; k++) {
                if (units.contains(ancestry[k])) {
                    out.add(new Problem(
                            AuditRule.AUD_DEFINE,
                            where + " strata",
                            "stratum '" + cat.unit(at).id() + "' lies within stratum '"
                                    + cat.unit(ancestry[k]).id() + "'"));
                }
            }
        }
        if (!out.isEmpty()) return out;
        List<Optional<String>> of = AuditRecompute.strata(cat, d.strata());
        for (int i = 0; i < of.size(); i++) {
            if (of.get(i).isEmpty()) {
                out.add(new Problem(
                        AuditRule.AUD_DEFINE,
                        where + " strata",
                        "station '" + cat.station(i).id() + "' is in no stratum: the strata must cover the contest"));
                break;
            }
        }
        return out;
    }

    private static Decision reveal(LedgerView ledger, SeedReveal s, String where) {
        Optional<AuditBook.Audit> audit = ledger.audits().audit(s.audit());
        if (audit.isEmpty()) return refuse(where + " audit", "undefined audit '" + s.audit() + "'", AuditRule.AUD_SEED);
        if (audit.get().seed().isPresent()) {
            AuditBook.Revealed r = audit.get().seed().get();
            if (r.reveal().equals(s)) return new Decision.Repeat(r.index());
            return refuse(
                    where,
                    "the seed of audit '" + s.audit() + "' was revealed at log index " + r.index(),
                    AuditRule.AUD_SEED);
        }
        String committed = audit.get().definition().seedCommitment();
        String computed = commitment(s.seed());
        if (!committed.equals(computed)) {
            return new Decision.Refuse(List.of(Problem.mismatch(
                    AuditRule.AUD_SEED, where + " seed", "the seed's SHA-256 is the commitment", committed, computed)));
        }
        return Decision.Accept.plain();
    }

    private static Decision count(LedgerView ledger, HandCount h, String where) {
        Optional<AuditBook.Audit> audit = ledger.audits().audit(h.audit());
        if (audit.isEmpty())
            return refuse(where + " audit", "undefined audit '" + h.audit() + "'", AuditRule.AUD_COUNT);
        if (audit.get().seed().isEmpty()) {
            return refuse(
                    where + " audit",
                    "the seed of audit '" + h.audit() + "' is not revealed yet: no sample",
                    AuditRule.AUD_COUNT);
        }
        AuditDefinition d = audit.get().definition();
        Contest contest = ledger.election().orElseThrow().contest(d.contest()).orElseThrow();
        List<Problem> out = new ArrayList<>(0);
        if (!ledger.hasStation(h.station())) {
            out.add(new Problem(
                    AuditRule.AUD_COUNT, where + " station", "station '" + h.station() + "' is not in the catalogue"));
        }
        if (h.round() < 1 || h.round() > d.maxRounds()) {
            out.add(Problem.mismatch(
                    AuditRule.AUD_COUNT, where + " round", "a round of the audit", "1.." + d.maxRounds(), h.round()));
        }
        if (d.method() == AuditMethod.MACRO || fullHandCount(audit.get())) {
            if (!h.ballots().isEmpty()) {
                out.add(new Problem(
                        AuditRule.AUD_COUNT,
                        where + " ballots",
                        d.method() == AuditMethod.MACRO
                                ? "a MACRO hand count has no ballots"
                                : "in a full hand count a station's votes are counted per choice, not read by ballot"));
            }
            for (var c : contest.choices()) {
                if (!h.counts().containsKey(c.id())) {
                    out.add(new Problem(
                            AuditRule.AUD_COUNT, where + " counts." + c.id(), "no count for choice '" + c.id() + "'"));
                }
            }
            for (Map.Entry<String, Long> c : h.counts().entrySet()) {
                if (contest.choiceIndex(c.getKey()) < 0 || c.getValue() < 0) {
                    out.add(new Problem(
                            AuditRule.AUD_COUNT,
                            where + " counts." + c.getKey(),
                            "not a choice of " + d.contest() + " with a count of zero or more"));
                }
            }
        } else {
            if (!h.counts().isEmpty()) {
                out.add(new Problem(AuditRule.AUD_COUNT, where + " counts", "a BRAVO hand count has no counts"));
            }
            for (Map.Entry<Long, String> b : h.ballots().entrySet()) {
                if (b.getKey() < 1 || (!b.getValue().isEmpty() && contest.choiceIndex(b.getValue()) < 0)) {
                    out.add(new Problem(
                            AuditRule.AUD_COUNT,
                            where + " ballots." + b.getKey(),
                            "a ballot position from 1 showing a choice of " + d.contest() + " or nothing"));
                }
            }
        }
        return out.isEmpty() ? Decision.Accept.plain() : new Decision.Refuse(out);
    }

    /**
     * Whether the audit's last round escalated to a full hand count: from then on every station is counted per
     * choice, whatever the method (a BRAVO audit reads drawn ballots only while it samples). Such counts come after
     * the last round's entry, so no round's risk reads them.
     */
    private static boolean fullHandCount(AuditBook.Audit a) {
        return !a.rounds().isEmpty()
                && a.rounds()
                        .get(a.rounds().size() - 1)
                        .risk()
                        .decision()
                        .equals(AuditRecompute.wire(org.veritally.core.audit.risk.Decision.FULL_HAND_COUNT));
    }

    private static Decision round(LedgerView ledger, long index, AuditRisk r, String where) {
        Optional<AuditBook.Audit> audit = ledger.audits().audit(r.audit());
        if (audit.isEmpty() || audit.get().seed().isEmpty()) {
            return refuse(
                    where + " audit",
                    "audit '" + r.audit() + "' is undefined or has no revealed seed",
                    AuditRule.AUD_ROUND);
        }
        List<Problem> out = new ArrayList<>(0);
        int next = audit.get().rounds().size() + 1;
        if (r.round() != next || r.round() > audit.get().definition().maxRounds()) {
            out.add(Problem.mismatch(
                    AuditRule.AUD_ROUND, where + " round", "the next round of the audit", next, r.round()));
        }
        if (!audit.get().rounds().isEmpty()
                && !audit.get().rounds().get(next - 2).risk().decision().equals("next-round")) {
            out.add(new Problem(
                    AuditRule.AUD_ROUND,
                    where + " round",
                    "the audit's last round decided "
                            + audit.get().rounds().get(next - 2).risk().decision()));
        }
        if (r.draws() < 1) out.add(new Problem(AuditRule.AUD_ROUND, where + " draws", "a round draws at least 1"));
        if (!r.risk().matches("(0\\.[0-9]{6})|(1\\.000000)")) {
            out.add(Problem.mismatch(
                    AuditRule.AUD_ROUND, where + " risk", "a risk in [0, 1] with six decimals", "0.041234", r.risk()));
        }
        if (!AuditRisk.DECISIONS.contains(r.decision())) {
            out.add(Problem.mismatch(
                    AuditRule.AUD_ROUND, where + " decision", "a decision", AuditRisk.DECISIONS, r.decision()));
        }
        if (out.isEmpty()) recompute(ledger, index, audit.get(), r, where).ifPresent(out::add);
        return out.isEmpty() ? Decision.Accept.plain() : new Decision.Refuse(out);
    }

    /**
     * AUD-ROUND: the round's draws, risk (six decimals) and decision must be what the seed, the results of the
     * audit's view reported before the seed ({@link ReportedAtSeed}) and the hand counts before index {@code index}
     * give ({@link AuditRecompute#next}); an audit that cannot be computed (no outcome, a station in no stratum,
     * sizes past Java's integers) refuses every round.
     */
    private static Optional<Problem> recompute(
            LedgerView ledger, long index, AuditBook.Audit audit, AuditRisk r, String where) {
        String id = audit.definition().audit();
        Optional<org.veritally.core.audit.risk.Round> next;
        try {
            next = AuditRecompute.next(ledger, audit, index);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // no votes, a tie, a station in no stratum; or sizes past a long or an int (Math.addExact, toIntExact)
            return Optional.of(new Problem(
                    AuditRule.AUD_ROUND,
                    where,
                    "audit '" + id + "' cannot be computed from the log: " + e.getMessage()));
        }
        if (next.isEmpty()) {
            return Optional.of(new Problem(AuditRule.AUD_ROUND, where, "audit '" + id + "' has decided"));
        }
        AuditRisk expected = AuditRecompute.entry(id, next.get(), r.time());
        if (expected.equals(r)) return Optional.empty();
        return Optional.of(Problem.mismatch(
                AuditRule.AUD_ROUND,
                where,
                "audit '" + id + "' round " + r.round()
                        + ": draws, risk and decision recomputed from the seed, the sheets reported before it and the"
                        + " hand counts before this entry",
                summary(expected),
                summary(r)));
    }

    private static String summary(AuditRisk r) {
        return "draws " + r.draws() + ", risk " + r.risk() + ", " + r.decision();
    }

    private static Decision refuse(String where, String message, AuditRule rule) {
        return new Decision.Refuse(List.of(new Problem(rule, where, message)));
    }
}
