package org.veritally.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRecord;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.model.Contest;
import org.veritally.server.Instance;
import org.veritally.server.intake.RecordAudit;

/**
 * Three audits of {@link SampleElection}, recorded through the server's use case as the API records them:
 * {@value #MACRO} (MACRO, C1, seed revealed, the first drawn station counted), {@value #FULL} (MACRO, C2, one round
 * measured with nothing counted, so a full hand count, then every station counted as reported: confirmed) and
 * {@value #BRAVO} (BRAVO, C1, seed revealed, nothing counted).
 */
public final class SampleAudits {
    public static final String SEED = "4 6 1 2 3 5 6 2 1 4 3 3 5 6 1 2";
    public static final String MACRO = "rla-c1";
    public static final String FULL = "rla-full";
    public static final String BRAVO = "rla-bravo";
    public static final String TIME = "2024-07-30T12:00:00Z";

    /** The station of {@value #MACRO}'s first round that is counted; the others of that round are not. */
    public final String counted;

    /** A station of {@value #MACRO}'s first round still to count. */
    public final String toCount;

    private SampleAudits(String counted, String toCount) {
        this.counted = counted;
        this.toCount = toCount;
    }

    public static SampleAudits record(Instance in) {
        RecordAudit a = in.auditRecorder();
        ok(a, new AuditDefinition(MACRO, "C1", "official", "0.10", AuditMethod.MACRO, 3, sha256(SEED), TIME));
        ok(a, new SeedReveal(MACRO, SEED, TIME));
        List<String> drawn = a.next(MACRO).orElseThrow().stations().stream()
                .filter(s -> !s.equals(SampleElection.HELD_BACK))
                .toList();
        ok(a, honest(in, MACRO, 1, drawn.get(0), "C1"));

        ok(a, new AuditDefinition(FULL, "C2", "official", "0.10", AuditMethod.MACRO, 1, sha256(SEED), TIME));
        ok(a, new SeedReveal(FULL, SEED, TIME));
        a.measure(FULL, "admin", "test").orElseThrow();
        var cat = in.state().catalogue();
        for (int i = 0; i < cat.stationCount(); i++)
            ok(a, honest(in, FULL, 1, cat.station(i).id(), "C2"));

        ok(a, new AuditDefinition(BRAVO, "C1", "official", "0.10", AuditMethod.BRAVO, 3, sha256(SEED), TIME));
        ok(a, new SeedReveal(BRAVO, SEED, TIME));
        return new SampleAudits(drawn.get(0), drawn.get(1));
    }

    /** A hand count that finds what the authority's sheet reports. */
    static HandCount honest(Instance in, String audit, int round, String station, String contestId) {
        Contest contest = in.state().requireElection().contest(contestId).orElseThrow();
        long[] votes = in.store()
                .currentSheet(station, contestId, "authority")
                .orElseThrow()
                .votes();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < contest.choices().size(); i++)
            counts.put(contest.choices().get(i).id(), votes[i]);
        return new HandCount(audit, round, station, counts, Map.of(), "board A: Ana, Beto", TIME);
    }

    private static void ok(RecordAudit a, AuditRecord r) {
        var res = a.record(r, "admin", "sample audits");
        if (!res.problems().isEmpty()) throw new AssertionError(res.problems());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
