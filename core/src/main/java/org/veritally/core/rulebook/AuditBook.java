package org.veritally.core.rulebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.entry.AuditEntry;

/**
 * The audits the log has defined so far, as the {@link Rulebook} reads them and as {@code verify}, the API and
 * the website recompute them: each audit's definition, its revealed seed and its hand counts, with their log
 * indices. Every side that replays the log keeps one and feeds it the audit entries the rulebook accepted, in log
 * order (like {@link KeyRing}). Thread-safe (every method takes the book's monitor).
 */
public final class AuditBook {
    /** One audit as the log holds it. */
    public record Audit(
            long index,
            AuditDefinition definition,
            Optional<Revealed> seed,
            List<Counted> counts,
            List<Measured> rounds) {
        public Audit {
            counts = List.copyOf(counts);
            rounds = List.copyOf(rounds);
        }
    }

    /** A round's recorded risk and its log index. */
    public record Measured(long index, AuditRisk risk) {}

    /**
     * The seed reveal, its log index, and the reported results the audit audits: those of the log before the reveal
     * ({@link ReportedAtSeed}).
     */
    public record Revealed(long index, SeedReveal reveal, ReportedAtSeed reported) {
        public Revealed {
            java.util.Objects.requireNonNull(reported, "reported");
            if (reported.index() != index)
                throw new IllegalArgumentException(
                        "results reported at log index " + reported.index() + " for a seed at " + index);
        }
    }

    /** A hand count and its log index. */
    public record Counted(long index, HandCount count) {}

    private final Map<String, Long> defined = new LinkedHashMap<>();
    private final Map<String, AuditDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, Revealed> seeds = new LinkedHashMap<>();
    private final Map<String, List<Counted>> counts = new LinkedHashMap<>();
    private final Map<String, List<Measured>> rounds = new LinkedHashMap<>();

    /**
     * Records an audit entry the rulebook accepted at {@code index}. For a seed reveal, {@code atSeed} gives the
     * reported results of the audit (its definition) as they stood before the entry: a replay derives them from
     * its ledger ({@link AuditRecompute#reported}), start-up reads what the replay stored; it is not called for
     * the other kinds.
     */
    public synchronized void add(
            long index, AuditEntry e, java.util.function.Function<AuditDefinition, ReportedAtSeed> atSeed) {
        if (e.record() instanceof AuditDefinition d) {
            defined.put(d.audit(), index);
            definitions.put(d.audit(), d);
        } else if (e.record() instanceof SeedReveal s) {
            AuditDefinition d = definitions.get(s.audit());
            if (d == null) throw new IllegalStateException("a seed for undefined audit '" + s.audit() + "'");
            seeds.put(s.audit(), new Revealed(index, s, atSeed.apply(d)));
        } else if (e.record() instanceof HandCount h) {
            counts.computeIfAbsent(h.audit(), k -> new ArrayList<>()).add(new Counted(index, h));
        } else if (e.record() instanceof AuditRisk r) {
            rounds.computeIfAbsent(r.audit(), k -> new ArrayList<>()).add(new Measured(index, r));
        }
    }

    /** The audit with this id, if defined. */
    public synchronized Optional<Audit> audit(String id) {
        Long index = defined.get(id);
        if (index == null) return Optional.empty();
        return Optional.of(new Audit(
                index,
                definitions.get(id),
                Optional.ofNullable(seeds.get(id)),
                counts.getOrDefault(id, List.of()),
                rounds.getOrDefault(id, List.of())));
    }

    /** Every audit, in the order defined. */
    public synchronized List<Audit> audits() {
        List<Audit> out = new ArrayList<>();
        for (String id : defined.keySet()) out.add(audit(id).orElseThrow());
        return out;
    }
}
