package org.veritally.formats.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRecord;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.entry.AuditEntry;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.Fields;

/**
 * JSON form of the risk-limiting audit entries (docs/log-format.md §1.10): {@code audit} {@code {audit, contest,
 * view, riskLimit, method, maxRounds, seedCommitment, strata?, time}} ({@code strata} only when stratified);
 * {@code audit-seed} {@code {audit, seed, time}};
 * {@code audit-count} {@code {audit, round, station, counts?, ballots?, board, time}}, with {@code counts} (votes
 * by choice id, MACRO) or {@code ballots} (choice id, or "" for none, by ballot position, BRAVO) present only when
 * not empty; {@code audit-round} {@code {audit, round, draws, risk, decision, time}}. Every entry carries {@code
 * kind} and {@code v: 1}. Stateless and thread-safe.
 */
public final class AuditJson {
    private AuditJson() {}

    /** The canonical bytes of {@code e}. */
    public static byte[] encode(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        AuditRecord r = e.record();
        m.put("kind", r.kind());
        m.put("v", 1L);
        m.put("audit", r.audit());
        if (r instanceof AuditDefinition d) {
            m.put("contest", d.contest());
            m.put("view", d.view());
            m.put("riskLimit", d.riskLimit());
            m.put("method", d.method().wire());
            m.put("maxRounds", (long) d.maxRounds());
            m.put("seedCommitment", d.seedCommitment());
            if (d.stratified()) m.put("strata", List.<Object>copyOf(d.strata()));
            m.put("time", d.time());
        } else if (r instanceof SeedReveal s) {
            m.put("seed", s.seed());
            m.put("time", s.time());
        } else if (r instanceof AuditRisk k) {
            m.put("round", (long) k.round());
            m.put("draws", k.draws());
            m.put("risk", k.risk());
            m.put("decision", k.decision());
            m.put("time", k.time());
        } else if (r instanceof HandCount h) {
            m.put("round", (long) h.round());
            m.put("station", h.station());
            if (!h.counts().isEmpty()) m.put("counts", new TreeMap<String, Object>(h.counts()));
            if (!h.ballots().isEmpty()) {
                Map<String, Object> b = new TreeMap<>();
                h.ballots().forEach((k, v) -> b.put(Long.toString(k), v));
                m.put("ballots", b);
            }
            m.put("board", h.board());
            m.put("time", h.time());
        }
        return CanonicalJson.encode(m);
    }

    /** Reads an audit entry of {@code kind} from {@code f} (all members, {@code end()} included). */
    public static Optional<AuditEntry> read(String kind, Fields f, List<Problem> problems) {
        int before = problems.size();
        f.str("kind");
        if (f.count("v") != 1) problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
        String audit = f.str("audit");
        AuditRecord record;
        switch (kind) {
            case "audit" -> {
                String contest = f.str("contest");
                String view = f.str("view");
                String riskLimit = f.str("riskLimit");
                String method = f.str("method");
                long rounds = f.count("maxRounds");
                String commitment = f.str("seedCommitment");
                List<String> strata = new java.util.ArrayList<>();
                if (f.has("strata")) {
                    List<Object> raw = f.list("strata");
                    for (int i = 0; i < raw.size(); i++) {
                        if (raw.get(i) instanceof String u) strata.add(u);
                        else problems.add(new Problem(Rule.IN_FIELD, f.path() + ".strata[" + i + "]", "a unit id"));
                    }
                    if (raw.isEmpty())
                        problems.add(new Problem(Rule.IN_FIELD, f.path() + ".strata", "absent when not stratified"));
                }
                String time = f.str("time");
                Optional<AuditMethod> m = AuditMethod.ofWire(method);
                if (m.isEmpty()) {
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".method", "method is 'macro' or 'bravo'"));
                }
                record = m.isEmpty()
                        ? null
                        : new AuditDefinition(
                                audit,
                                contest,
                                view,
                                riskLimit,
                                m.get(),
                                (int) Math.min(rounds, 1000),
                                commitment,
                                time,
                                strata);
            }
            case "audit-seed" -> record = new SeedReveal(audit, f.str("seed"), f.str("time"));
            case "audit-round" -> {
                long round = f.count("round");
                long draws = f.count("draws");
                record = new AuditRisk(
                        audit, (int) Math.min(round, 1000), draws, f.str("risk"), f.str("decision"), f.str("time"));
            }
            default -> {
                long round = f.count("round");
                String station = f.str("station");
                Map<String, Long> counts = counts(f);
                Map<Long, String> ballots = ballots(f, problems);
                record = new HandCount(
                        audit, (int) Math.min(round, 1000), station, counts, ballots, f.str("board"), f.str("time"));
            }
        }
        f.end();
        if (problems.size() > before || record == null) return Optional.empty();
        return Optional.of(new AuditEntry(record));
    }

    /** A hand count's per-choice {@code counts} member, in choice-id order; empty when absent. */
    public static Map<String, Long> counts(Fields f) {
        Map<String, Long> counts = new TreeMap<>();
        if (f.has("counts")) {
            Fields c = f.obj("counts");
            for (String k : c.raw().keySet()) counts.put(k, c.count(k));
        }
        return counts;
    }

    /** A hand count's {@code ballots} member (position → choice id), in position order; empty when absent. */
    public static Map<Long, String> ballots(Fields f, List<Problem> problems) {
        Map<Long, String> ballots = new TreeMap<>();
        if (f.has("ballots")) {
            Fields b = f.obj("ballots");
            for (String k : b.raw().keySet()) {
                try {
                    ballots.put(Long.parseLong(k), b.str(k));
                } catch (NumberFormatException e) {
                    problems.add(new Problem(Rule.IN_FIELD, b.path() + "." + k, "not a ballot position"));
                }
            }
        }
        return ballots;
    }
}
