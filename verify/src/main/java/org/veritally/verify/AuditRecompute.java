package org.veritally.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
import org.veritally.stats.audit.AuditRounds;
import org.veritally.stats.audit.Decision;
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
            long[] votes = null;
            if (source >= 0) {
                Optional<LogReplay.CurrentSheet> sheet = log.current(i, contest, source);
                if (sheet.isPresent()) votes = sheet.get().sheet().votes();
            }
            String stratum =
                    log.catalogue().unit(log.catalogue().unitOfStation(i)).id();
            out.add(AuditRounds.batch(
                    s.id(), stratum, s.registeredVoters(), votes, c.choices().size()));
        }
        return out;
    }

    /** The audit's rounds over {@code batches}; the audit must have its seed. */
    public static AuditRounds of(AuditBook.Audit audit, Contest c, List<ReportedBatch> batches) {
        AuditDefinition d = audit.definition();
        List<AuditRounds.Count> counts = new ArrayList<>();
        for (AuditBook.Counted k : audit.counts()) {
            HandCount h = k.count();
            counts.add(new AuditRounds.Count(k.index(), h.station(), h.counts(), h.ballots()));
        }
        List<String> choices = c.choices().stream().map(x -> x.id()).toList();
        String seed = audit.seed().orElseThrow().reveal().seed();
        return AuditRounds.of(
                d.method() == AuditMethod.MACRO, batches, choices, seed, d.alpha(), d.maxRounds(), counts);
    }

    /** The recorded rounds of {@code audit}: number and log index. */
    public static List<AuditRounds.At> recorded(AuditBook.Audit audit) {
        return audit.rounds().stream()
                .map(m -> new AuditRounds.At(m.risk().round(), m.index()))
                .toList();
    }

    /** Every recorded round of {@code audit}, beside the round computed from the log; empty with no seed. */
    public static List<Compared> rounds(LogReplay log, AuditBook.Audit audit) {
        if (audit.seed().isEmpty()) return List.of();
        Contest c = log.election()
                .orElseThrow()
                .contest(audit.definition().contest())
                .orElseThrow();
        List<Round> computed = of(audit, c, batches(log, audit.definition())).replay(recorded(audit));
        List<Compared> out = new ArrayList<>();
        for (int i = 0; i < computed.size(); i++) {
            AuditBook.Measured m = audit.rounds().get(i);
            out.add(new Compared(m.risk(), m.index(), computed.get(i)));
        }
        return out;
    }
}
