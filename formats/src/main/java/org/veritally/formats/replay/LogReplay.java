package org.veritally.formats.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.EntryVisitor;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.Copy;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.reconcile.Verdict;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.rulebook.LedgerView;
import org.veritally.core.rulebook.Rulebook;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.entry.NoteSignatureCheck;

/**
 * Recomputes everything the log implies from its entries alone, in index order, as an independent
 * verifier would (docs/log-format.md §5–§7): the election, the catalogue, the sources, the keys,
 * every source's totals and the consensus view. Whether each entry may stand where it stands is
 * decided by the {@link Rulebook}, the same one the sequencer runs before it appends; this class
 * only decodes (LOG-DECODE, LOG-CANON) and applies what the rulebook accepts. A repeat the sequencer
 * would have answered idempotently is LOG-REPEAT. No database, no I/O. Used by {@code verify} and by
 * {@code publish}. Not thread-safe; one per replay.
 */
public final class LogReplay implements LedgerView {
    private EntryCodec codec = new EntryCodec(Optional.empty());
    /** The election once replayed, kept rather than asked of the codec: read several times per entry. */
    private Optional<Election> election = Optional.empty();

    private Rulebook rulebook =
            new Rulebook(new NoteSignatureCheck(Optional.empty()), new org.veritally.formats.qr.QrFigures());
    private Catalogue catalogue = new Catalogue();
    private Tabulation tabulation;
    private Tabulation.Batch batch;
    private final List<Problem> auditProblems = new ArrayList<>();
    private final CurrentCopies current = new CurrentCopies();
    /**
     * The sources' ids by declaration index, and back: the tabulation's own lists are read under its lock and
     * copied on each read, and the replay asks for them once or twice an entry.
     */
    private final List<String> sourceIds = new ArrayList<>();

    private final Map<String, Integer> sourceIndexById = new HashMap<>();
    private long size;
    private final org.veritally.core.rulebook.KeyRing keys = new org.veritally.core.rulebook.KeyRing();
    private final org.veritally.core.rulebook.AuditBook audits = new org.veritally.core.rulebook.AuditBook();
    private final Map<String, Recorded> announcementsById = new HashMap<>();
    private final Map<String, List<Filed>> evidence = new HashMap<>();
    private final List<org.veritally.core.evidence.Evidence> evidenceInOrder = new ArrayList<>();
    private final List<org.veritally.core.model.Announcement> announcements = new ArrayList<>();
    private boolean finished;
    private final Applier applier = new Applier();
    private SheetObserver observer = (index, copyKey, sheet, replaced) -> {};

    /**
     * Told of every sheet the rulebook accepts, as it is applied: its log index, its {@link CopyKey}
     * (station, contest and source indices), the sheet, and the same source's copy it replaces, if any.
     * Called on the replaying thread, before the next entry is replayed.
     */
    @FunctionalInterface
    public interface SheetObserver {
        void sheet(long index, long copyKey, TallySheet sheet, Optional<TallySheet> replaced);
    }

    /** Tells {@code o} of every accepted sheet from now on (one observer; the last one set). */
    public void observeSheets(SheetObserver o) {
        this.observer = java.util.Objects.requireNonNull(o);
    }

    private final org.veritally.core.transcribe.TranscriptionBook transcriptions =
            new org.veritally.core.transcribe.TranscriptionBook();

    private TallySheet sheetOf(long key) {
        return sheetAt(key, current.find(key));
    }

    /** The copy of {@code key} at {@code slot} of the current copies (one lookup for several reads). */
    private TallySheet sheetAt(long key, int slot) {
        return current.sheetAt(slot, stationId(key), contestId(key), sourceIds.get(CopyKey.source(key)));
    }

    private String stationId(long key) {
        return catalogue.station(CopyKey.station(key)).id();
    }

    private String contestId(long key) {
        return election().orElseThrow().contests().get(CopyKey.contest(key)).id();
    }

    /** A source's current copy of a station's sheet for a contest: the index of its log entry, and the sheet. */
    public record CurrentSheet(long index, TallySheet sheet) {}

    /**
     * The current copy of a station × contest × source, by their indices (catalogue, election, and
     * declaration order of the sources), if the source has one.
     */
    public Optional<CurrentSheet> current(int station, int contest, int source) {
        long key = CopyKey.of(station, contest, source);
        long index = current.index(key);
        return index < 0 ? Optional.empty() : Optional.of(new CurrentSheet(index, sheetOf(key)));
    }

    @Override
    public Optional<Election> election() {
        return election;
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public int sourceIndex(String id) {
        Integer i = sourceIndexById.get(id);
        return i == null ? -1 : i;
    }

    @Override
    public Optional<String> authority() {
        return tabulation == null ? Optional.empty() : tabulation.authority().map(s -> s.id());
    }

    @Override
    public boolean hasAuthority() {
        return tabulation != null && tabulation.authority().isPresent();
    }

    @Override
    public org.veritally.core.rulebook.KeyRing keys() {
        return keys;
    }

    /** The audits the log defined, with their seeds and hand counts (issue 19). */
    @Override
    public org.veritally.core.rulebook.AuditBook audits() {
        return audits;
    }

    @Override
    public Optional<Recorded> announcement(String id) {
        return Optional.ofNullable(announcementsById.get(id));
    }

    @Override
    public List<Filed> evidence(String sha256) {
        return evidence.getOrDefault(sha256, List.of());
    }

    /** Every evidence entry replayed, in log order. */
    public List<org.veritally.core.evidence.Evidence> evidence() {
        return java.util.Collections.unmodifiableList(evidenceInOrder);
    }

    @Override
    public long currentIndex(long copyKey) {
        return current.index(copyKey);
    }

    @Override
    public TallySheet currentSheet(long copyKey) {
        return sheetOf(copyKey);
    }

    @Override
    public org.veritally.core.transcribe.TranscriptionBook transcriptions() {
        return transcriptions;
    }

    public Tabulation tabulation() {
        if (tabulation == null) throw new IllegalStateException("no election entry replayed");
        return tabulation;
    }

    /** The announcements in log order. */
    public List<org.veritally.core.model.Announcement> announcements() {
        return List.copyOf(announcements);
    }

    public long size() {
        return size;
    }

    /**
     * What the rulebook refused in the log's audit entries (AUD-*), in log order: {@code verify}'s VFY-AUDIT
     * reports them apart from the other entries' problems.
     */
    public List<Problem> auditProblems() {
        return java.util.Collections.unmodifiableList(auditProblems);
    }

    /**
     * An entry decoded ahead of its turn ({@link #decode}), possibly on another thread: its index, its bytes, the
     * election its codec was bound to (the very object, compared by identity), and either the entry with what
     * is already wrong with it (LOG-CANON) or why it does not decode.
     */
    public record Decoded(
            long index, byte[] bytes, Optional<Election> against, Optional<Entry> entry, List<Problem> problems) {}

    /**
     * Decodes entry {@code index} as {@link #accept(byte[])} would with {@code codec}: the size limit, the
     * canonical fast paths once an election is known, else the strict reader and the canonical check
     * (LOG-DECODE, LOG-CANON, or the content rule that the entry breaks). A pure function of its arguments:
     * safe on any thread, so entries can be decoded in parallel and replayed in order.
     */
    public static Decoded decode(EntryCodec codec, long index, byte[] bytes) {
        boolean fits = org.veritally.core.rulebook.EntrySize.fits(bytes);
        if (fits && codec.election().isPresent()) { // the common case: no location is built for it
            Optional<? extends Entry> fast = codec.decodeCanonicalSheet(bytes);
            if (fast.isEmpty()) fast = codec.decodeCanonicalCatalogue(bytes);
            if (fast.isPresent())
                return new Decoded(index, bytes, codec.election(), Optional.of(fast.get()), List.of());
        }
        String where = "entry " + index;
        var tooLarge = org.veritally.core.rulebook.EntrySize.check(bytes, where);
        if (tooLarge.isPresent())
            return new Decoded(index, bytes, codec.election(), Optional.empty(), List.of(tooLarge.get()));
        List<Problem> problems = new ArrayList<>();
        Optional<Entry> decoded;
        try {
            decoded = codec.decode(bytes, where, problems);
        } catch (RuntimeException e) {
            decoded = Optional.empty();
            problems.add(new Problem(Rule.IN_SYNTAX, where, String.valueOf(e.getMessage())));
        }
        if (decoded.isEmpty()) {
            // a rule the entry's content breaks (TS-CONTEST, TS-CHOICE, …: the form of a sheet depends on
            // its contest) keeps its own ID, as intake reports it; a broken shape (IN-*) is LOG-DECODE
            List<Problem> out = new ArrayList<>(problems.size());
            for (Problem p : problems)
                out.add(p.rule().id().startsWith("IN-") ? new Problem(Rule.LOG_DECODE, where, p.toString()) : p);
            if (out.isEmpty()) out.add(new Problem(Rule.LOG_DECODE, where, "the entry does not decode"));
            return new Decoded(index, bytes, codec.election(), Optional.empty(), out);
        }
        List<Problem> canon = Arrays.equals(codec.encode(decoded.get()), bytes)
                ? List.of()
                : List.of(new Problem(Rule.LOG_CANON, where, "entry bytes are not the canonical encoding"));
        return new Decoded(index, bytes, codec.election(), decoded, canon);
    }

    /**
     * The codec to decode the entries after {@code first} ahead of their turn: bound to the election that
     * {@code first} defines, the same object the replay installs when it accepts it; empty when {@code first} is
     * not a well-formed election entry (then every later entry is decoded in turn by the replay).
     */
    public static Optional<EntryCodec> codecAfter(Decoded first) {
        if (first.index() != 0 || !first.problems().isEmpty()) return Optional.empty();
        return first.entry()
                .filter(ElectionEntry.class::isInstance)
                .map(e -> new EntryCodec(Optional.of(((ElectionEntry) e).election())));
    }

    /** Replays the next entry; returns what is wrong with it (empty when it is fine), each with its rule ID. */
    public List<Problem> accept(byte[] bytes) {
        if (finished) throw new IllegalStateException("replay already finished");
        return accept(decode(codec, size, bytes));
    }

    /**
     * Replays the next entry, decoded ahead ({@link #decode}); exactly as {@link #accept(byte[])} does with its
     * bytes. The decoding is used when it is of this index against this replay's election (the same object),
     * else the entry is decoded again here: the outcome never depends on how the work was split.
     */
    public List<Problem> accept(Decoded d) {
        if (finished) throw new IllegalStateException("replay already finished");
        if (d.index() != size || d.against().orElse(null) != election.orElse(null)) d = decode(codec, size, d.bytes());
        long index = size++;
        if (d.entry().isEmpty()) return d.problems();
        return apply(index, d.entry().get(), "entry " + index, d.problems());
    }

    private List<Problem> apply(long index, Entry e, String where, List<Problem> before) {
        Decision d = rulebook.decide(this, index, e, where);
        if (d instanceof Decision.Refuse r) {
            if (e instanceof org.veritally.core.entry.AuditEntry) auditProblems.addAll(r.problems());
            return concat(before, r.problems());
        }
        if (d instanceof Decision.Repeat r) {
            return concat(
                    before,
                    List.of(new Problem(
                            Rule.LOG_REPEAT,
                            where,
                            "repeats entry " + r.index()
                                    + ", which intake answers idempotently and never appends again")));
        }
        applier.index = index;
        applier.accepted = (Decision.Accept) d;
        e.accept(applier);
        return before;
    }

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
        if (a.isEmpty()) return b;
        List<Problem> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Applies an entry the rulebook accepted to this replay's state. */
    private final class Applier implements EntryVisitor<Void> {
        /** The entry being applied: set before each use (one applier per replay, not one per entry). */
        private long index;

        private Decision.Accept accepted;

        @Override
        public Void election(ElectionEntry el) {
            codec = new EntryCodec(Optional.of(el.election()));
            election = Optional.of(el.election());
            rulebook = new Rulebook(
                    new NoteSignatureCheck(Optional.of(el.election())), new org.veritally.formats.qr.QrFigures());
            catalogue = new Catalogue();
            tabulation = new Tabulation(el.election(), catalogue);
            batch = tabulation.begin();
            sourceIds.clear();
            sourceIndexById.clear();
            return null;
        }

        @Override
        public Void catalogue(CatalogueEntry c) {
            c.units().forEach(u -> catalogue.addUnit(shared(u)));
            c.stations().forEach(s -> catalogue.addStation(shared(s)));
            return null;
        }

        @Override
        public Void source(SourceEntry s) {
            if (tabulation.addSource(s.source()) == sourceIds.size()) { // new (the rulebook refuses a second one)
                sourceIndexById.put(s.source().id(), sourceIds.size());
                sourceIds.add(s.source().id());
            }
            return null;
        }

        @Override
        public Void key(KeyEntry k) {
            keys.add(index, k);
            return null;
        }

        @Override
        public Void revocation(org.veritally.core.entry.RevocationEntry r) {
            keys.revoke(index, r);
            return null;
        }

        @Override
        public Void sheet(SheetEntry se) {
            long key = accepted.copyKey();
            // the rulebook found the copy this one replaces, if any: accepted.superseded()
            Optional<TallySheet> replaced = accepted.superseded() < 0 ? Optional.empty() : Optional.of(sheetOf(key));
            batch.add(se.sheet(), replaced);
            current.put(key, index, se.sheet());
            observer.sheet(index, key, se.sheet(), replaced);
            return null;
        }

        @Override
        public Void evidence(EvidenceEntry e) {
            evidence.computeIfAbsent(e.evidence().original().sha256(), k -> new ArrayList<>(1))
                    .add(new Filed(index, e));
            evidenceInOrder.add(e.evidence());
            return null;
        }

        @Override
        public Void transcription(org.veritally.core.entry.TranscriptionWork t) {
            transcriptions.apply(index, t, accepted.photo());
            var copy = accepted.photo().flatMap(org.veritally.core.transcribe.PhotoOutcome::copy);
            if (copy.isPresent()) { // the agreed copy, derived by the rulebook: applied as a sheet is
                batch.add(copy.get(), Optional.empty());
                current.put(accepted.copyKey(), index, copy.get());
                observer.sheet(index, accepted.copyKey(), copy.get(), Optional.empty());
            }
            return null;
        }

        @Override
        public Void audit(org.veritally.core.entry.AuditEntry a) {
            long at = index; // a seed fixes the results as this replay holds them before it (docs/audit.md)
            audits.add(at, a, d -> org.veritally.core.rulebook.AuditRecompute.reported(LogReplay.this, d, at));
            return null;
        }

        @Override
        public Void announcement(AnnouncementEntry a) {
            announcementsById.put(a.announcement().id(), new Recorded(index, a.announcement()));
            announcements.add(a.announcement());
            return null;
        }
    }

    /** Computes the consensus view from the final copies and makes all totals readable. Call once. */
    public void finish() {
        if (finished) return;
        finished = true;
        if (tabulation == null) return;
        var policy = election().orElseThrow().consensus();
        // group the copies by station × contest: in key order, the source is the low 16 bits
        CurrentCopies.InOrder all = current.inOrder();
        long[] keys = all.keys();
        long[] places = all.places();
        long[] indices = all.indices();
        List<Copy> copies = new ArrayList<>();
        List<TallySheet> sheets = new ArrayList<>();
        for (int i = 0; i < keys.length; ) {
            long group = CopyKey.group(keys[i]);
            copies.clear();
            sheets.clear();
            int j = i;
            for (; j < keys.length && CopyKey.group(keys[j]) == group; j++) {
                TallySheet sheet = current.sheetAtPlace(
                        keys[j],
                        places[j],
                        stationId(keys[j]),
                        contestId(keys[j]),
                        sourceIds.get(CopyKey.source(keys[j])));
                sheets.add(sheet);
                copies.add(new Copy(CopyKey.source(keys[j]), indices[j], CopyDigest.of(sheet)));
            }
            var chosen = Verdict.of(copies, policy).consensus();
            if (chosen.isPresent()) {
                int c = copies.indexOf(chosen.get());
                batch.addTo(Tabulation.CONSENSUS, sheets.get(c), 1);
            }
            i = j;
        }
        batch.publish();
    }

    /** Where equal units and stations are taken from instead of the decoded ones ({@link #shareCatalogue}). */
    private java.util.function.Supplier<Catalogue> sharedCatalogue;

    /**
     * Takes the units and stations of the catalogue entries replayed from now on from the catalogue {@code other}
     * supplies at the time (read then, so it may be replaced meanwhile: a served state's is) wherever it
     * holds an equal one (the same record: id, name, unit, registered voters), so that a replay kept beside a
     * served state of a million stations does not hold a second copy of their ids and names (the reporting
     * timeline, docs/timeline.md). What is replayed does not change: only equal, immutable objects are shared.
     */
    public void shareCatalogue(java.util.function.Supplier<Catalogue> other) {
        this.sharedCatalogue = java.util.Objects.requireNonNull(other);
    }

    private org.veritally.core.model.Unit shared(org.veritally.core.model.Unit u) {
        if (sharedCatalogue == null) return u;
        Catalogue other = sharedCatalogue.get();
        int i = other.unitIndex(u.id());
        if (i < 0) return u;
        var same = other.unit(i);
        return same.equals(u) ? same : u;
    }

    private org.veritally.core.model.Station shared(org.veritally.core.model.Station s) {
        if (sharedCatalogue == null) return s;
        return sharedCatalogue.get().station(s.id()).filter(s::equals).orElse(s);
    }
}
