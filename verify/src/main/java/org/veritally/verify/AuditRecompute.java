package org.veritally.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.rulebook.AuditBook;
import org.veritally.formats.replay.LogReplay;
import org.veritally.stats.audit.BallotPollingAudit;
import org.veritally.stats.audit.BatchComparisonAudit;
import org.veritally.stats.audit.Decision;
import org.veritally.stats.audit.Macro;
import org.veritally.stats.audit.ReportedBatch;
import org.veritally.stats.audit.Round;

/**
 * Recomputes a risk-limiting audit from a replayed log (issue 19, docs/audit.md): the reported batches of its
 * contest in its view (every station of the catalogue; a station with no sheet is a phantom with zero votes),
 * each station's bound b_p (its registered voters, or its votes if more), the draws from the revealed seed, and
 * each round's risk and decision from the hand counts that precede the round's entry in the log. What {@code
 * verify} checks (VFY-AUDIT) and what the CLI, API and page show. Stateless; reads the replay.
 */
public final class AuditRecompute {
    private AuditRecompute() {}

    /**
     * One recomputed round beside the round the log records.
     *
     * @param recorded the log's entry
     * @param index its log index
     * @param computed the round computed from the log
     */
    public record Compared(AuditRisk recorded, long index, Round computed) {
        /** The computed round as the log would write it. */
        public AuditRisk expected() {
            return new AuditRisk(
                    recorded.audit(),
                    computed.number(),
                    computed.draws(),
                    AuditRisk.format(computed.risk()),
                    wire(computed.decision()),
                    recorded.time());
        }

        /** Whether the log's entry says what the computation says. */
        public boolean agrees() {
            return expected().equals(recorded);
        }
    }

    /** The wire name of a decision. */
    public static String wire(Decision d) {
        return switch (d) {
            case CONFIRMED -> "confirmed";
            case NEXT_ROUND -> "next-round";
            case FULL_HAND_COUNT -> "full-hand-count";
        };
    }

    /** The lowercase hex SHA-256 of the UTF-8 bytes of {@code seed}. */
    public static String commitment(String seed) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The reported batches of the audit's contest in its view, in catalogue order. */
    public static List<ReportedBatch> batches(LogReplay log, AuditDefinition d) {
        Election el = log.election().orElseThrow();
        int contest = el.contestIndex(d.contest());
        Contest c = el.contest(d.contest()).orElseThrow();
        String sourceId = d.view().equals("official")
                ? log.tabulation().authority().map(s -> s.id()).orElse("")
                : d.view();
        int source = log.sourceIndex(sourceId);
        List<ReportedBatch> out = new ArrayList<>(log.catalogue().stationCount());
        for (int i = 0; i < log.catalogue().stationCount(); i++) {
            Station s = log.catalogue().station(i);
            long[] votes = new long[c.choices().size()];
            if (source >= 0) {
                Optional<LogReplay.CurrentSheet> sheet = log.current(i, contest, source);
                if (sheet.isPresent()) votes = sheet.get().sheet().votes().clone();
            }
            long sum = 0;
            for (long v : votes) sum += v;
            String stratum =
                    log.catalogue().unit(log.catalogue().unitOfStation(i)).id();
            out.add(new ReportedBatch(s.id(), stratum, Math.max(s.registeredVoters(), sum), votes));
        }
        return out;
    }

    /** Every recorded round of {@code audit}, beside the round computed from the log; empty with no seed. */
    public static List<Compared> rounds(LogReplay log, AuditBook.Audit audit) {
        if (audit.seed().isEmpty()) return List.of();
        AuditDefinition d = audit.definition();
        String seed = audit.seed().get().reveal().seed();
        Contest c = log.election().orElseThrow().contest(d.contest()).orElseThrow();
        List<ReportedBatch> batches = batches(log, d);
        List<Compared> out = new ArrayList<>();
        if (d.method() == AuditMethod.MACRO) {
            BatchComparisonAudit a = BatchComparisonAudit.of(Macro.of(batches, 1), seed, d.alpha(), d.maxRounds());
            long draws = a.initialDraws();
            for (AuditBook.Measured m : audit.rounds()) {
                Round r = a.round(m.risk().round(), draws, macroCounts(audit, c, m.index()));
                out.add(new Compared(m.risk(), m.index(), r));
                draws = r.nextDraws();
            }
        } else {
            BallotPollingAudit a = BallotPollingAudit.of(batches, 1, seed, d.alpha(), d.maxRounds());
            long draws = a.initialDraws();
            for (AuditBook.Measured m : audit.rounds()) {
                Round r = a.round(m.risk().round(), draws, readings(audit, c, m.index()));
                out.add(new Compared(m.risk(), m.index(), r));
                draws = r.nextDraws();
            }
        }
        return out;
    }

    /** The latest MACRO hand count of each station before log index {@code before}, in choice order. */
    static Map<String, long[]> macroCounts(AuditBook.Audit audit, Contest c, long before) {
        Map<String, long[]> out = new HashMap<>();
        for (AuditBook.Counted k : audit.counts()) {
            if (k.index() >= before) continue;
            HandCount h = k.count();
            long[] v = new long[c.choices().size()];
            for (int i = 0; i < v.length; i++)
                v[i] = h.counts().getOrDefault(c.choices().get(i).id(), 0L);
            out.put(h.station(), v);
        }
        return out;
    }

    /** The BRAVO readings before log index {@code before}: station, then ballot position, then choice index. */
    static Map<String, Map<Long, Integer>> readings(AuditBook.Audit audit, Contest c, long before) {
        Map<String, Map<Long, Integer>> out = new HashMap<>();
        for (AuditBook.Counted k : audit.counts()) {
            if (k.index() >= before) continue;
            HandCount h = k.count();
            Map<Long, Integer> m = out.computeIfAbsent(h.station(), s -> new HashMap<>());
            h.ballots()
                    .forEach((pos, choice) ->
                            m.put(pos, choice.isEmpty() ? BallotPollingAudit.NO_VOTE : c.choiceIndex(choice)));
        }
        return out;
    }
}
