package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.EntryVisitor;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.server.state.ElectionState;

/**
 * The {@link LedgerView} while a definition's entries (election, catalogue chunks, sources) are
 * decided one after another before any is written: the live state plus the entries of the
 * definition accepted so far ({@link #stage}). Not thread-safe; one per definition.
 */
final class DefinitionLedger extends StateLedger {
    private final ElectionState state;
    private Optional<Election> election;
    private final Map<String, Unit> units = new HashMap<>();
    private final Set<String> stations = new HashSet<>();
    private final Map<String, long[]> stagedBelow = new HashMap<>();
    private final List<Source> sources = new ArrayList<>();
    private boolean root;

    DefinitionLedger(ElectionState state) {
        super(state, i -> {
            throw new IllegalStateException("a definition reads no sheet");
        });
        this.state = state;
        this.election = state.election();
    }

    /** Adds an entry the rulebook accepted to this view. */
    void stage(org.veritally.core.entry.Entry e) {
        e.accept(new EntryVisitor<Void>() {
            @Override
            public Void election(ElectionEntry el) {
                election = Optional.of(el.election());
                return null;
            }

            @Override
            public Void catalogue(CatalogueEntry c) {
                for (Unit u : c.units()) {
                    units.put(u.id(), u);
                    root |= u.isRoot();
                }
                for (var s : c.stations()) {
                    stations.add(s.id());
                    for (String u = s.unitId();
                            !u.isEmpty();
                            u = unit(u).orElseThrow().parentId()) {
                        long[] b = stagedBelow.computeIfAbsent(u, k -> new long[2]);
                        b[0]++;
                        b[1] += s.registeredVoters();
                    }
                }
                return null;
            }

            @Override
            public Void source(SourceEntry s) {
                sources.add(s.source());
                return null;
            }

            @Override
            public Void key(org.veritally.core.entry.KeyEntry k) {
                throw new IllegalArgumentException("a definition declares no key");
            }

            @Override
            public Void sheet(SheetEntry s) {
                throw new IllegalArgumentException("a definition holds no sheet");
            }

            @Override
            public Void announcement(AnnouncementEntry a) {
                throw new IllegalArgumentException("a definition holds no announcement");
            }

            @Override
            public Void evidence(org.veritally.core.entry.EvidenceEntry e) {
                throw new IllegalArgumentException("a definition holds no evidence");
            }

            @Override
            public Void revocation(org.veritally.core.entry.RevocationEntry r) {
                throw new IllegalArgumentException("a definition revokes no key");
            }

            @Override
            public Void transcription(org.veritally.core.entry.TranscriptionWork t) {
                throw new IllegalArgumentException("a definition holds no transcription");
            }

            @Override
            public Void audit(org.veritally.core.entry.AuditEntry a) {
                throw new IllegalArgumentException("a definition holds no audit");
            }
        });
    }

    private boolean defined() {
        return state.election().isPresent();
    }

    @Override
    public Optional<Election> election() {
        return election;
    }

    @Override
    public Catalogue catalogue() {
        return state.catalogue();
    }

    @Override
    public Optional<Unit> unit(String id) {
        Unit u = units.get(id);
        return u != null ? Optional.of(u) : defined() ? state.catalogue().unit(id) : Optional.empty();
    }

    @Override
    public Below below(String id) {
        Below live = defined() ? super.below(id) : new Below(0, 0);
        long[] b = stagedBelow.getOrDefault(id, new long[2]);
        return new Below(live.stations() + b[0], live.registered() + b[1]);
    }

    @Override
    public boolean hasStation(String id) {
        return stations.contains(id) || (defined() && state.catalogue().hasStation(id));
    }

    @Override
    public boolean hasRootUnit() {
        return root || (defined() && super.hasRootUnit());
    }

    @Override
    public int sourceIndex(String id) {
        int declared = defined() ? state.tabulation().sourceIndex(id) : -1;
        if (declared >= 0) return declared;
        int before = defined() ? state.tabulation().sourceCount() : 0;
        for (int i = 0; i < sources.size(); i++) if (sources.get(i).id().equals(id)) return before + i;
        return -1;
    }

    @Override
    public Optional<String> authority() {
        Optional<String> live = super.authority();
        if (live.isPresent()) return live;
        return sources.stream()
                .filter(s -> s.kind() == SourceKind.AUTHORITY)
                .map(Source::id)
                .findFirst();
    }

    @Override
    public boolean hasAuthority() {
        return sources.stream().anyMatch(s -> s.kind() == SourceKind.AUTHORITY)
                || (defined() && state.tabulation().authority().isPresent());
    }

    @Override
    public Optional<Recorded> announcement(String id) {
        return Optional.empty();
    }

    @Override
    public long currentIndex(long copyKey) {
        return -1;
    }

    @Override
    public TallySheet currentSheet(long copyKey) {
        throw new IllegalStateException("a definition reads no sheet");
    }
}
