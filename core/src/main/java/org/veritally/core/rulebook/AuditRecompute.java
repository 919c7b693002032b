package org.veritally.core.rulebook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.risk.AuditRounds;
import org.veritally.core.audit.risk.ReportedBatch;
import org.veritally.core.audit.risk.Round;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.reconcile.CopyKey;

/**
 * A risk-limiting audit recomputed from the log so far (issue 19, docs/audit.md): the reported batches of its
 * contest in its view as they stood when its seed was revealed ({@link ReportedAtSeed}: every station of the
 * catalogue then; a station with no sheet is a phantom with zero votes; b_p is the station's registered voters, or
 * its votes if more), each station's stratum, the draws from the
 * revealed seed and each round's risk and decision from the hand counts before it. The one computation behind
 * AUD-ROUND, which the sequencer, the rebuild, the followers and {@code verify} all run through the {@link
 * Rulebook}, and behind what the server writes, the CLI, the API and the page show. Stateless; reads the ledger.
 */
public final class AuditRecompute {
    private AuditRecompute() {}

    /** The wire name of a decision (one of {@link AuditRisk#DECISIONS}). */
    public static String wire(org.veritally.core.audit.risk.Decision d) {
        return switch (d) {
            case CONFIRMED -> "confirmed";
            case NEXT_ROUND -> "next-round";
            case FULL_HAND_COUNT -> "full-hand-count";
        };
    }

    /** Round {@code r} of {@code audit} as the log writes it, at {@code time}. */
    public static AuditRisk entry(String audit, Round r, String time) {
        return new AuditRisk(audit, r.number(), r.draws(), AuditRisk.format(r.risk()), wire(r.decision()), time);
    }

    /** The lowercase hex SHA-256 of the UTF-8 bytes of {@code seed}: the commitment a definition carries. */
    public static String commitment(String seed) {
        return AuditRules.commitment(seed);
    }

    /**
     * The stratum of each station of the catalogue, in catalogue order: with strata, the listed unit at or above
     * the station's unit (empty when none is); without, the station's own unit (used only to group the stations
     * for the audit boards).
     */
    public static List<Optional<String>> strata(Catalogue cat, List<String> strata) {
        return strata(cat, strata, cat.stationCount());
    }

    /** As {@link #strata(Catalogue, List)}, for the first {@code stations} stations of the catalogue. */
    public static List<Optional<String>> strata(Catalogue cat, List<String> strata, int stations) {
        Set<Integer> listed = new HashSet<>();
        for (String u : strata) {
            int i = cat.unitIndex(u);
            if (i >= 0) listed.add(i);
        }
        List<Optional<String>> out = new ArrayList<>(stations);
        for (int i = 0; i < stations; i++) {
            int unit = cat.unitOfStation(i);
            if (strata.isEmpty()) {
                out.add(Optional.of(cat.unit(unit).id()));
                continue;
            }
            Optional<String> found = Optional.empty();
            for (int a : cat.ancestry(unit)) {
                if (listed.contains(a)) {
                    found = Optional.of(cat.unit(a).id());
                    break;
                }
            }
            out.add(found);
        }
        return out;
    }

    /**
     * The reported results of the audit's contest in its view as {@code ledger} holds them, for the {@code
     * audit-seed} entry at log index {@code index} ({@link ReportedAtSeed}): every station of the catalogue so far,
     * in catalogue order, with its current copy's votes (zeros when it has none). One pass over the stations, run
     * once per audit when a replay applies the seed.
     */
    public static ReportedAtSeed reported(LedgerView ledger, AuditDefinition d, long index) {
        Election el = ledger.election().orElseThrow();
        int contest = el.contestIndex(d.contest());
        int choices = el.contest(d.contest()).orElseThrow().choices().size();
        int source = ledger.sourceIndex(sourceId(ledger, d));
        Catalogue cat = ledger.catalogue();
        int n = cat.stationCount();
        long[] votes = new long[Math.multiplyExact(n, choices)];
        if (source >= 0) {
            for (int i = 0; i < n; i++) {
                long key = CopyKey.of(i, contest, source);
                if (ledger.currentIndex(key) < 0) continue;
                long[] v = ledger.currentSheet(key).votes();
                System.arraycopy(v, 0, votes, i * choices, Math.min(v.length, choices));
            }
        }
        return new ReportedAtSeed(index, n, choices, votes);
    }

    private static String sourceId(LedgerView ledger, AuditDefinition d) {
        return d.view().equals("official") ? ledger.authority().orElse("") : d.view();
    }

    /**
     * The reported batches of the audit's contest in its view, in catalogue order: the results fixed at the seed
     * ({@link ReportedAtSeed}), for the stations the catalogue held then; a station's bound and stratum come from
     * the catalogue, where a station never changes. The audit must have its seed.
     *
     * @throws IllegalArgumentException if the audit is stratified and one of those stations is in no stratum
     */
    public static List<ReportedBatch> batches(LedgerView ledger, AuditBook.Audit audit) {
        AuditDefinition d = audit.definition();
        ReportedAtSeed r = audit.seed().orElseThrow().reported();
        Catalogue cat = ledger.catalogue();
        List<Optional<String>> strata = strata(cat, d.strata(), r.stations());
        List<ReportedBatch> out = new ArrayList<>(r.stations());
        for (int i = 0; i < r.stations(); i++) {
            Station s = cat.station(i);
            String stratum = strata.get(i)
                    .orElseThrow(() -> new IllegalArgumentException("station " + s.id() + " is in no stratum"));
            out.add(AuditRounds.batch(s.id(), stratum, s.registeredVoters(), r.votes(i), r.choices()));
        }
        return out;
    }

    /**
     * What changed in the audit's view since its seed, which the audit does not see (docs/audit.md).
     *
     * @param index the log index of the seed: the audit uses the results of the entries before it
     * @param changed stations of the audit whose copy in the view was corrected, or first came, after the seed
     * @param added stations added to the catalogue after the seed
     */
    public record SinceSeed(long index, int changed, int added) {}

    /** How the audit's view moved since its seed (the audit must have its seed): a pass over the copy indices. */
    public static SinceSeed sinceSeed(LedgerView ledger, AuditBook.Audit audit) {
        AuditDefinition d = audit.definition();
        ReportedAtSeed r = audit.seed().orElseThrow().reported();
        Election el = ledger.election().orElseThrow();
        int contest = el.contestIndex(d.contest());
        int source = ledger.sourceIndex(sourceId(ledger, d));
        int changed = 0;
        if (source >= 0) {
            for (int i = 0; i < r.stations(); i++)
                if (ledger.currentIndex(CopyKey.of(i, contest, source)) > r.index()) changed++;
        }
        return new SinceSeed(r.index(), changed, ledger.catalogue().stationCount() - r.stations());
    }

    /**
     * The audit's rounds over the results reported at its seed ({@link #batches}); the audit must have its seed.
     *
     * @throws IllegalArgumentException if the audit cannot be computed (no votes, a tie at the last seat, a station
     *     in no stratum)
     */
    public static AuditRounds rounds(LedgerView ledger, AuditBook.Audit audit) {
        AuditDefinition d = audit.definition();
        Contest c = ledger.election().orElseThrow().contest(d.contest()).orElseThrow();
        List<AuditRounds.Count> counts = new ArrayList<>();
        for (AuditBook.Counted k : audit.counts()) {
            HandCount h = k.count();
            counts.add(new AuditRounds.Count(k.index(), h.station(), h.counts(), h.ballots()));
        }
        List<String> choices = c.choices().stream().map(x -> x.id()).toList();
        String seed = audit.seed().orElseThrow().reveal().seed();
        return AuditRounds.of(
                d.method() == AuditMethod.MACRO,
                d.strata(),
                batches(ledger, audit),
                choices,
                seed,
                d.alpha(),
                d.maxRounds(),
                counts);
    }

    /** The recorded rounds of {@code audit}: number and log index. */
    public static List<AuditRounds.At> recorded(AuditBook.Audit audit) {
        return audit.rounds().stream()
                .map(m -> new AuditRounds.At(m.risk().round(), m.index()))
                .toList();
    }

    /**
     * The round after the recorded ones, whose entry would stand at log index {@code index}: what AUD-ROUND holds
     * an {@code audit-round} entry to; empty when the last recorded round decided anything but another round.
     *
     * @throws IllegalArgumentException if the audit cannot be computed
     */
    public static Optional<Round> next(LedgerView ledger, AuditBook.Audit audit, long index) {
        return rounds(ledger, audit).next(recorded(audit), index);
    }
}
