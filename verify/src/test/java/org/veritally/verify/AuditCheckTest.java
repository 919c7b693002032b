package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.audit.risk.Round;
import org.veritally.core.entry.AuditEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.rulebook.AuditRecompute;
import org.veritally.core.validation.Problem;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.replay.LogReplay;

/**
 * VFY-AUDIT attack tests (issue 19): a log with a MACRO audit whose round 1 confirms the outcome verifies; the
 * same log with one hand count, the seed or the round's risk altered does not: the replay's rulebook refuses the
 * round (AUD-ROUND) or the seed (AUD-SEED), and VFY-AUDIT reports it.
 */
class AuditCheckTest {
    static final String TIME = "2026-12-07T16:00:00Z";
    static final String SEED = "3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4";
    static final int STATIONS = 40;

    static String election() {
        return "{\"kind\":\"election\",\"v\":1,\"id\":\"t\",\"name\":\"T\",\"root\":\"N\",\"levels\":[\"nation\"],"
                + "\"turnoutAllowance\":0,\"consensusMinSources\":1,\"contests\":[{\"id\":\"P\",\"name\":\"P\","
                + "\"candidates\":[{\"id\":\"A\",\"name\":\"A\"},{\"id\":\"B\",\"name\":\"B\"}],\"choices\":["
                + "{\"id\":\"A1\",\"name\":\"A1\",\"candidate\":\"A\"},"
                + "{\"id\":\"B1\",\"name\":\"B1\",\"candidate\":\"B\"}]}]}";
    }

    static String catalogue() {
        StringBuilder sb = new StringBuilder("{\"kind\":\"catalogue\",\"v\":1,\"units\":[{\"id\":\"N\",\"name\":\"N\","
                + "\"level\":0,\"parent\":\"\"}],\"stations\":[");
        for (int i = 0; i < STATIONS; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"id\":\"S")
                    .append(i)
                    .append("\",\"name\":\"S")
                    .append(i)
                    .append("\",\"unit\":\"N\",\"registered\":600}");
        }
        return sb.append("]}").toString();
    }

    static long[] votes(int i) {
        return new long[] {300 + (i * 7) % 60, 200 + (i * 11) % 50};
    }

    static String sheet(int i) {
        long[] v = votes(i);
        return "{\"kind\":\"sheet\",\"v\":1,\"station\":\"S" + i + "\",\"contest\":\"P\",\"source\":\"auth\","
                + "\"counts\":{\"valid\":" + (v[0] + v[1]) + ",\"null\":0},\"votes\":{\"A1\":" + v[0] + ",\"B1\":"
                + v[1] + "}}";
    }

    static byte[] canonical(String json) {
        try {
            return CanonicalJson.encode(JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonTree.JsonError e) {
            throw new AssertionError(e);
        }
    }

    /** The bytes of a log: election, catalogue, source, a sheet per station, then the audit's entries. */
    static List<byte[]> log(UnaryOperator<Entry> tamper) {
        LogReplay r = new LogReplay();
        List<byte[]> out = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(
                election(),
                catalogue(),
                "{\"kind\":\"source\",\"v\":1,\"id\":\"auth\",\"name\":\"Auth\",\"role\":\"authority\"}"));
        for (int i = 0; i < STATIONS; i++) head.add(sheet(i));
        for (String h : head) {
            byte[] b = canonical(h);
            assertThat(r.accept(b)).as(h).isEmpty();
            out.add(b);
        }
        EntryCodec codec = new EntryCodec(r.election());
        List<Entry> audit = new ArrayList<>();
        audit.add(new AuditEntry(new AuditDefinition(
                "rla-1", "P", "official", "0.10", AuditMethod.MACRO, 3, AuditRecompute.commitment(SEED), TIME)));
        audit.add(new AuditEntry(new SeedReveal("rla-1", SEED, TIME)));
        // the honest audit: draw round 1 from the replay so far, count each drawn station as its sheet says
        LogReplay probe = new LogReplay();
        for (byte[] b : out) probe.accept(b);
        for (Entry e : audit) assertThat(probe.accept(codec.encode(e))).isEmpty();
        var rounds = AuditRecompute.rounds(probe, probe.audits().audit("rla-1").orElseThrow());
        long draws = rounds.initialDraws();
        for (String station : rounds.stations(draws)) {
            long[] v = votes(Integer.parseInt(station.substring(1)));
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("A1", v[0]);
            counts.put("B1", v[1]);
            Entry count = new AuditEntry(new HandCount("rla-1", 1, station, counts, Map.of(), "board 1", TIME));
            audit.add(count);
            assertThat(probe.accept(codec.encode(count))).isEmpty();
        }
        Round computed = AuditRecompute.next(
                        probe, probe.audits().audit("rla-1").orElseThrow(), probe.size())
                .orElseThrow();
        assertThat(computed.draws()).isEqualTo(draws);
        audit.add(new AuditEntry(AuditRecompute.entry("rla-1", computed, TIME)));
        for (Entry e : audit) out.add(codec.encode(tamper.apply(e)));
        return out;
    }

    record Replayed(List<Problem> entries, Optional<CheckResult> audit) {}

    static Replayed replay(List<byte[]> log) {
        LogReplay r = new LogReplay();
        List<Problem> problems = new ArrayList<>();
        for (byte[] b : log) problems.addAll(r.accept(b));
        return new Replayed(problems, AuditCheck.run(Optional.of(r)));
    }

    @Test
    void VFY_AUDIT_theHonestAuditVerifiesAndRoundOneConfirms() {
        Replayed r = replay(log(e -> e));
        assertThat(r.entries()).isEmpty();
        assertThat(r.audit()).isPresent();
        assertThat(r.audit().get().failed()).as(r.audit().get().toString()).isFalse();
        assertThat(r.audit().get().detail()).contains("1 audit(s), 1 round(s)");
    }

    @Test
    void VFY_AUDIT_anAlteredHandCountFailsTheRecomputedRisk() {
        boolean[] once = {false};
        Replayed r = replay(log(e -> {
            if (((AuditEntry) e).record() instanceof HandCount h && !once[0]) {
                once[0] = true;
                Map<String, Long> c = new LinkedHashMap<>(h.counts());
                c.put("A1", c.get("A1") - 40);
                c.put("B1", c.get("B1") + 40);
                return new AuditEntry(new HandCount(h.audit(), 1, h.station(), c, Map.of(), h.board(), h.time()));
            }
            return e;
        }));
        // the count itself is well formed; the round after it no longer has the risk the log implies
        assertThat(r.entries()).extracting(p -> p.rule().id()).containsExactly("AUD-ROUND");
        assertThat(r.audit().orElseThrow().failed()).isTrue();
        assertThat(r.audit().get().mismatches().get(0).rule().id()).isEqualTo("VFY-AUDIT");
        assertThat(r.audit().get().mismatches().get(0).message()).contains("AUD-ROUND", "round 1");
    }

    @Test
    void VFY_AUDIT_anAlteredRiskFails() {
        Replayed r = replay(log(e -> ((AuditEntry) e).record() instanceof AuditRisk k
                ? new AuditEntry(new AuditRisk(k.audit(), 1, k.draws(), "0.010000", k.decision(), k.time()))
                : e));
        assertThat(r.entries()).extracting(p -> p.rule().id()).containsExactly("AUD-ROUND");
        assertThat(r.audit().orElseThrow().failed()).isTrue();
        assertThat(r.audit().get().mismatches().toString()).contains("0.010000");
    }

    @Test
    void VFY_AUDIT_anAlteredSeedIsRefusedByAudSeedSoTheEntriesFail() {
        Replayed r = replay(log(e -> ((AuditEntry) e).record() instanceof SeedReveal s
                ? new AuditEntry(new SeedReveal(s.audit(), "1 1 1 1 1 1", s.time()))
                : e));
        assertThat(r.entries().toString()).contains("AUD-SEED");
        assertThat(r.audit().orElseThrow().mismatches().toString()).contains("AUD-SEED");
    }
}
