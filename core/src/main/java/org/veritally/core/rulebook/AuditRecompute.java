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
 * contest in its view (every station of the catalogue; a station with no current sheet is a phantom with zero
 * votes; b_p is the station's registered voters, or its votes if more), each station's stratum, the draws from the
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
        Set<Integer> listed = new HashSet<>();
        for (String u : strata) {
            int i = cat.unitIndex(u);
            if (i >= 0) listed.add(i);
        }
        List<Optional<String>> out = new ArrayList<>(cat.stationCount());
        for (int i = 0; i < cat.stationCount(); i++) {
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
     * The reported batches of the audit's contest in its view, in catalogue order.
     *
     * @throws IllegalArgumentException if the audit is stratified and a station is in no stratum
     */
    public static List<ReportedBatch> batches(LedgerView ledger, AuditDefinition d) {
        Election el = ledger.election().orElseThrow();
        int contest = el.contestIndex(d.contest());
        Contest c = el.contest(d.contest()).orElseThrow();
        String sourceId = d.view().equals("official") ? ledger.authority().orElse("") : d.view();
        int source = ledger.sourceIndex(sourceId);
        Catalogue cat = ledger.catalogue();
        List<Optional<String>> strata = strata(cat, d.strata());
        List<ReportedBatch> out = new ArrayList<>(cat.stationCount());
        for (int i = 0; i < cat.stationCount(); i++) {
            Station s = cat.station(i);
            long[] votes = null;
            if (source >= 0) {
                long key = CopyKey.of(i, contest, source);
                if (ledger.currentIndex(key) >= 0)
                    votes = ledger.currentSheet(key).votes();
            }
            String stratum = strata.get(i)
                    .orElseThrow(() -> new IllegalArgumentException("station " + s.id() + " is in no stratum"));
            out.add(AuditRounds.batch(
                    s.id(), stratum, s.registeredVoters(), votes, c.choices().size()));
        }
        return out;
    }

    /**
     * The audit's rounds over the ledger's current sheets; the audit must have its seed.
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
                batches(ledger, d),
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
