package org.veritally.core.rulebook;

import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;

/**
 * What the {@link Rulebook} reads of the log so far: the state every accepted entry before this one
 * built. The sequencer implements it over its live state plus the batch in hand, the rebuild and the
 * followers over the state they replay into, the verifier over its own replay. Read-only.
 */
public interface LedgerView {
    /** The election (entry 0), if defined. */
    Optional<Election> election();

    /** The catalogue declared so far (empty before the election). */
    Catalogue catalogue();

    /** The unit declared with {@code id}, if any. */
    default Optional<Unit> unit(String id) {
        return catalogue().unit(id);
    }

    /** Whether a station {@code id} is declared. */
    default boolean hasStation(String id) {
        return catalogue().hasStation(id);
    }

    /**
     * How many stations, and how many registered voters, the catalogue so far holds below unit {@code id}
     * (the unit and its descendants); zero for a unit not declared. Rule CAT-UNIVERSE reads it.
     */
    default Below below(String id) {
        Catalogue c = catalogue();
        int i = c.unitIndex(id);
        return i < 0 ? new Below(0, 0) : new Below(c.stationsBelow(i), c.registeredBelow(i));
    }

    /** Stations and registered voters below a unit. */
    record Below(long stations, long registered) {}

    /** Whether the root unit is declared. */
    default boolean hasRootUnit() {
        Catalogue c = catalogue();
        return c.unitCount() > 0 && c.unit(0).isRoot();
    }

    /** The declaration index of source {@code id}, or -1 if undeclared. */
    int sourceIndex(String id);

    /** Whether an authority source is declared. */
    boolean hasAuthority();

    /** The id of the authority source, whose copies are the {@code official} view, if one is declared. */
    Optional<String> authority();

    /** The keys registered and revoked so far. */
    KeyRing keys();

    /** The key entry in force for {@code account}, if it registered one and it is not revoked. */
    default Optional<KeyEntry> key(String account) {
        return keys().live(account).map(KeyRing.Live::entry);
    }

    /** Whether any account of {@code source} registered a key: from then on all its sheets are signed. */
    default boolean signs(String source) {
        return keys().signs(source);
    }

    /** An announcement recorded before, by id, with its log index. */
    Optional<Recorded> announcement(String id);

    /** The log index of the current copy at {@code copyKey} ({@link org.veritally.core.reconcile.CopyKey}), or -1. */
    long currentIndex(long copyKey);

    /** The current copy at {@code copyKey}; called only when {@link #currentIndex} is not -1. */
    TallySheet currentSheet(long copyKey);

    /** The risk-limiting audits defined so far, with their seeds and hand counts (issue 19). */
    AuditBook audits();

    /** Every evidence entry so far whose original has the SHA-256 {@code sha256}, in log order. */
    List<Filed> evidence(String sha256);

    /** Every photo's transcription work and the paused accounts so far (docs/transcription.md). */
    org.veritally.core.transcribe.TranscriptionBook transcriptions();

    /** An announcement and the index of its entry. */
    record Recorded(long index, Announcement announcement) {}

    /** An evidence entry and its index. */
    record Filed(long index, EvidenceEntry entry) {}
}
