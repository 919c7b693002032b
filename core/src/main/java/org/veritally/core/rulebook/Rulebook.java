package org.veritally.core.rulebook;

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
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.EntryVisitor;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.RevocationEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.core.validation.SheetValidator;

/**
 * The one rulebook: whether an entry may stand at the next place of the log, and what it changes
 * (docs/log-format.md §5). The sequencer runs it before it appends, the rebuild and the followers
 * as they replay, {@code verify} over a published log; nothing else decides. Pure: it reads the
 * {@link LedgerView} and the {@link SignatureCheck} port and changes nothing; the caller applies an
 * accepted entry to its own state. Thread-safe.
 *
 * <p>Rules, by entry kind:
 *
 * <ul>
 *   <li>any entry: the bounds of {@link EntryBounds} (IN-MAX, IN-TEXT, IN-TIME), before any other rule;
 *   <li>any entry before the election, or an election that is not entry 0: LOG-ORDER; a second
 *       election: EL-REDEFINE;
 *   <li>catalogue: CAT-UNIT (a unit already declared, a second root or a root other than the
 *       election's, an unknown parent, a level other than the parent's + 1), CAT-STATION (a station
 *       already declared, an unknown unit), CAT-UNIVERSE (more stations or registered voters below a
 *       unit than the election's declared universe for it: {@link CatalogueWithinUniverse});
 *   <li>source: SRC-KIND (a source declared again, a second authority);
 *   <li>key: KEY-FORMAT (not a verifier key), KEY-SOURCE (an undeclared source; an account key has none), and
 *       the rules of
 *       {@link KeyRules}: KEY-ROTATE (a new key of a source with a live key, not endorsed by one),
 *       KEY-COOL (an unendorsed key within the cooling-off period after a revocation), KEY-TIME; the
 *       account's live key again is a repeat;
 *   <li>revocation: KEY-REVOKE (an account with no live key, or of another source), KEY-TIME;
 *   <li>sheet: TS-SOURCE, the rules of {@link SheetValidator} (TS-STATION, TS-CONTEST, TS-CHOICE,
 *       TS-SUM, TS-BALLOTS, TS-REG, and the flags), AUTH-SIG (unsigned where its source signs, whoever
 *       submits it, the administrator included; a signer with no live key — never registered or
 *       revoked — or a key of another source; a signature that does not verify), EV-CITE
 *       (a cited photo that is not evidence of the sheet's station),
 *       TS-CORRECTION, TS-CONFLICT, and a repeat of the current copy (a correction too: the
 *       same counts, superseding the same sheet for the same reason);
 *   <li>announcement: AN-CONTEST, AN-CANDIDATE, AN-DUP, and a repeat of the same announcement;
 *   <li>evidence: EV-STATION, EV-CONTEST, EV-SOURCE, AUTH-SIG (as for a sheet), EV-DUP (the same
 *       bytes, station and source with other details), a repeat of the same entry, and the flag
 *       EV-SAME (the same bytes already filed for another station);
 *   <li>transcription, transcription flag, transcriber pause, report: the TR rules and the agreed copy of
 *       {@link TranscriptionRules} (docs/transcription.md), TR-SIGN ({@link WorkSignatures}) included;
 *   <li>audit, audit-seed, audit-count, audit-round: the rules of {@link AuditRules} (AUD-DEFINE, AUD-SEED,
 *       AUD-COUNT, and AUD-ROUND, which recomputes the round from the log before it: {@link AuditRecompute}).
 * </ul>
 */
public final class Rulebook {
    private final SignatureCheck signatures;
    private final MachineFigures machine;

    public Rulebook(SignatureCheck signatures) {
        this(signatures, MachineFigures.NONE);
    }

    /** With the figures machine reads yield, for elections where a machine read is a voter (TR-MACHINE). */
    public Rulebook(SignatureCheck signatures, MachineFigures machine) {
        this.signatures = signatures;
        this.machine = machine;
    }

    /**
     * Decides {@code entry} as the entry at log index {@code index} after everything {@code ledger}
     * holds; problems are located at {@code where} (an input's file:line or JSON path, or "entry N").
     */
    public Decision decide(LedgerView ledger, long index, Entry entry, String where) {
        if (ledger.election().isEmpty() && !(entry instanceof ElectionEntry)) {
            return refuse(Rule.LOG_ORDER, where, "a " + entry.kind() + " entry before the election entry");
        }
        List<Problem> bounds = EntryBounds.check(entry, where); // IN-MAX, IN-TEXT, IN-TIME
        if (!bounds.isEmpty()) return new Decision.Refuse(bounds);
        return entry.accept(new EntryVisitor<Decision>() {
            @Override
            public Decision election(ElectionEntry e) {
                return Rulebook.this.election(ledger, index, where);
            }

            @Override
            public Decision catalogue(CatalogueEntry e) {
                return Rulebook.this.catalogue(ledger, e, where);
            }

            @Override
            public Decision source(SourceEntry e) {
                return Rulebook.this.source(ledger, e, where);
            }

            @Override
            public Decision key(KeyEntry e) {
                return Rulebook.this.key(ledger, e, where);
            }

            @Override
            public Decision sheet(SheetEntry e) {
                return Rulebook.this.sheet(ledger, e, where);
            }

            @Override
            public Decision announcement(AnnouncementEntry e) {
                return Rulebook.this.announcement(ledger, e.announcement(), where);
            }

            @Override
            public Decision evidence(EvidenceEntry e) {
                return Rulebook.this.evidence(ledger, e, where);
            }

            @Override
            public Decision revocation(RevocationEntry e) {
                return Rulebook.this.revocation(ledger, e, where);
            }

            @Override
            public Decision transcription(org.veritally.core.entry.TranscriptionWork e) {
                return TranscriptionRules.decide(ledger, e, where, machine, key -> signatures.verifies(key, e));
            }

            @Override
            public Decision audit(org.veritally.core.entry.AuditEntry e) {
                return AuditRules.decide(ledger, index, e, where); // AUD-DEFINE, AUD-SEED, AUD-COUNT, AUD-ROUND
            }
        });
    }

    /**
     * TR-SIGN alone for transcription work {@code w} against the keys of {@code keys}, as {@link #decide}
     * checks it: for work that is answered without being written (a gold task's answer), so that it is refused
     * exactly as written work would be. Empty for a pause, and when the signature (or its absence) is right.
     */
    public Optional<Problem> workSignature(KeyRing keys, org.veritally.core.entry.TranscriptionWork w, String where) {
        return w.worker().flatMap(a -> WorkSignatures.check(keys, w, a, key -> signatures.verifies(key, w), where));
    }

    private static Decision refuse(Rule rule, String where, String message) {
        return new Decision.Refuse(List.of(new Problem(rule, where, message)));
    }

    private static Decision refuseOrAccept(List<Problem> problems) {
        return problems.isEmpty() ? Decision.Accept.plain() : new Decision.Refuse(problems);
    }

    private Decision election(LedgerView ledger, long index, String where) {
        if (ledger.election().isPresent()) {
            return refuse(
                    Rule.EL_REDEFINE,
                    where,
                    "the log already holds election '" + ledger.election().get().id() + "'");
        }
        if (index != 0) return refuse(Rule.LOG_ORDER, where, "the election entry must be entry 0, not entry " + index);
        return Decision.Accept.plain();
    }

    private Decision catalogue(LedgerView ledger, CatalogueEntry c, String where) {
        Election el = ledger.election().orElseThrow();
        List<Problem> out = new ArrayList<>(0);
        Map<String, Unit> mine = new HashMap<>();
        boolean root = ledger.hasRootUnit();
        for (Unit u : c.units()) {
            String at = where + " unit " + u.id(); // units are few; stations below build theirs only on a problem
            if (mine.containsKey(u.id()) || ledger.unit(u.id()).isPresent()) {
                out.add(new Problem(Rule.CAT_UNIT, at, "unit '" + u.id() + "' is already declared"));
                continue;
            }
            if (u.isRoot()) {
                if (root) out.add(new Problem(Rule.CAT_UNIT, at, "a second root unit"));
                else if (!u.id().equals(el.rootUnitId())) {
                    out.add(Problem.mismatch(
                            Rule.CAT_UNIT, at, "the root unit must be the election's", el.rootUnitId(), u.id()));
                }
                root = true;
            } else {
                Optional<Unit> parent =
                        Optional.ofNullable(mine.get(u.parentId())).or(() -> ledger.unit(u.parentId()));
                if (parent.isEmpty()) {
                    out.add(new Problem(Rule.CAT_UNIT, at, "unknown parent '" + u.parentId() + "'"));
                    continue;
                }
                if (parent.get().level() + 1 != u.level()) {
                    out.add(Problem.mismatch(
                            Rule.CAT_UNIT,
                            at,
                            "a unit's level is its parent's + 1",
                            parent.get().level() + 1,
                            u.level()));
                }
            }
            mine.put(u.id(), u);
        }
        Set<String> stations = new HashSet<>(c.stations().size() * 4 / 3 + 1);
        for (Station s : c.stations()) {
            if (!stations.add(s.id()) || ledger.hasStation(s.id())) {
                out.add(new Problem(
                        Rule.CAT_STATION,
                        where + " station " + s.id(),
                        "station '" + s.id() + "' is already declared"));
            } else if (!mine.containsKey(s.unitId()) && ledger.unit(s.unitId()).isEmpty()) {
                out.add(new Problem(
                        Rule.CAT_STATION, where + " station " + s.id(), "unknown unit '" + s.unitId() + "'"));
            }
        }
        if (out.isEmpty() && el.universe().isPresent())
            out.addAll(CatalogueWithinUniverse.check(ledger, c, mine, where));
        return refuseOrAccept(out);
    }

    private Decision source(LedgerView ledger, SourceEntry s, String where) {
        String id = s.source().id();
        if (ledger.sourceIndex(id) >= 0)
            return refuse(Rule.SRC_KIND, where + " source " + id, "source '" + id + "' is already declared");
        if (s.source().kind() == SourceKind.AUTHORITY && ledger.hasAuthority()) {
            return refuse(
                    Rule.SRC_KIND,
                    where + " source " + id,
                    "an authority source is already declared; the official view has one source");
        }
        return Decision.Accept.plain();
    }

    private Decision key(LedgerView ledger, KeyEntry k, String where) {
        List<Problem> out = new ArrayList<>(0);
        if (!k.ofAccount() && ledger.sourceIndex(k.source()) < 0) // an account key has no source
        out.add(new Problem(Rule.KEY_SOURCE, where + " source", "undeclared source '" + k.source() + "'"));
        if (!signatures.isVerifierKey(k.verifierKey())) {
            out.add(new Problem(
                    Rule.KEY_FORMAT, where + " key", "not a C2SP verifier key (name+keyid+base64 of an Ed25519 key)"));
        }
        if (!out.isEmpty()) return new Decision.Refuse(out);
        Optional<KeyRing.Live> live = ledger.keys().live(k.account());
        if (live.isPresent()
                && live.get().entry().source().equals(k.source())
                && live.get().entry().verifierKey().equals(k.verifierKey())) {
            return new Decision.Repeat(live.get().index());
        }
        out.addAll(KeyRules.key(ledger, k, key -> signatures.verifies(key, k), where));
        return refuseOrAccept(out);
    }

    private Decision revocation(LedgerView ledger, RevocationEntry r, String where) {
        return refuseOrAccept(KeyRules.revocation(ledger, r, where));
    }

    private Decision sheet(LedgerView ledger, SheetEntry entry, String where) {
        TallySheet s = entry.sheet();
        Election el = ledger.election().orElseThrow();
        Catalogue cat = ledger.catalogue();
        int source = ledger.sourceIndex(s.sourceId());
        if (source < 0)
            return refuse(Rule.TS_SOURCE, where, "unknown source '" + s.sourceId() + "' (declare it first)");
        List<Problem> checked = SheetValidator.validate(s, el, cat);
        List<Problem> errors = new ArrayList<>(0);
        List<Problem> flags = new ArrayList<>(0);
        for (Problem p : checked) (p.isError() ? errors : flags).add(p.at(where));
        signature(ledger, entry, where).ifPresent(errors::add);
        if (s.evidence().isPresent()
                && ledger.evidence(s.evidence().get()).stream()
                        .noneMatch(f -> f.entry().evidence().stationId().equals(s.stationId()))) {
            errors.add(new Problem(
                    Rule.EV_CITE,
                    where + " evidence",
                    "no photo " + s.evidence().get() + " is filed as evidence for station " + s.stationId()));
        }
        if (!errors.isEmpty()) return new Decision.Refuse(errors);
        long key = CopyKey.of(cat.stationIndex(s.stationId()), el.contestIndex(s.contestId()), source);
        long current = ledger.currentIndex(key);
        if (s.correction().isPresent()) {
            long sup = s.correction().get().supersedes();
            if (current >= 0 && current != sup && sameCorrection(ledger.currentSheet(key), s)) {
                return new Decision.Repeat(current); // the same correction again: idempotent
            }
            if (current != sup) {
                return new Decision.Refuse(List.of(Problem.mismatch(
                        Rule.TS_CORRECTION,
                        where,
                        "a correction supersedes the source's current sheet for " + s.stationId() + "/" + s.contestId()
                                + "/" + s.sourceId(),
                        current < 0 ? "absent" : current,
                        sup)));
            }
        } else if (current >= 0) {
            if (ledger.currentSheet(key).sameCountsAs(s)) return new Decision.Repeat(current);
            return refuse(
                    Rule.TS_CONFLICT,
                    where,
                    "source " + s.sourceId() + " already has a different sheet for " + s.stationId() + "/"
                            + s.contestId() + " at log index " + current + "; submit a correction that supersedes it");
        }
        return new Decision.Accept(flags, key, current);
    }

    /** Whether {@code s} is {@code current} sent again: the same counts, superseding the same sheet, same reason. */
    private static boolean sameCorrection(TallySheet current, TallySheet s) {
        return current.sameCountsAs(s) && current.correction().equals(s.correction());
    }

    /** AUTH-SIG, if the sheet's signature (or its absence) breaks it. */
    private Optional<Problem> signature(LedgerView ledger, SheetEntry entry, String where) {
        return signature(
                ledger, entry.sheet().sourceId(), entry.signature(), key -> signatures.verifies(key, entry), where);
    }

    /**
     * AUTH-SIG for an entry of {@code source} signed with {@code signature} (or not): unsigned where
     * the source signs, a signer with no key or a key of another source, or a signature that does
     * not verify ({@code verifies} checks it with a verifier key).
     */
    private static Optional<Problem> signature(
            LedgerView ledger,
            String source,
            Optional<SheetSignature> signature,
            java.util.function.Predicate<String> verifies,
            String where) {
        if (signature.isEmpty()) {
            return ledger.signs(source)
                    ? Optional.of(new Problem(
                            Rule.AUTH_SIG,
                            where + " signature",
                            "source '" + source + "' signs its sheets; this one is unsigned"))
                    : Optional.empty();
        }
        SheetSignature sig = signature.get();
        Optional<KeyEntry> key = ledger.key(sig.signer());
        if (key.isEmpty()) {
            var revoked = ledger.keys().revoked(sig.signer());
            return Optional.of(new Problem(
                    Rule.AUTH_SIG,
                    where + " signer",
                    revoked.isPresent()
                            ? "signer '" + sig.signer() + "''s key was revoked at entry "
                                    + revoked.get().index()
                            : "signer '" + sig.signer() + "' has no registered key"));
        }
        if (!key.get().source().equals(source)) {
            return Optional.of(Problem.mismatch(
                    Rule.AUTH_SIG,
                    where + " signer",
                    "signer '" + sig.signer() + "' signs for another source",
                    key.get().source(),
                    source));
        }
        if (!verifies.test(key.get().verifierKey())) {
            return Optional.of(new Problem(
                    Rule.AUTH_SIG,
                    where + " signature",
                    "the signature does not verify with " + sig.signer() + "'s key"));
        }
        return Optional.empty();
    }

    private Decision announcement(LedgerView ledger, Announcement a, String where) {
        List<Problem> out = new ArrayList<>(0);
        Optional<Contest> contest = ledger.election().orElseThrow().contest(a.contest());
        if (contest.isEmpty()) {
            out.add(new Problem(Rule.AN_CONTEST, where + " contest", "unknown contest '" + a.contest() + "'"));
        } else {
            for (String c : a.candidates().keySet()) {
                if (contest.get().candidateIndex(c) < 0) {
                    out.add(new Problem(
                            Rule.AN_CANDIDATE, where + " candidates." + c, "not a candidate of " + a.contest()));
                }
            }
        }
        Optional<LedgerView.Recorded> existing = ledger.announcement(a.id());
        if (existing.isPresent()) {
            if (out.isEmpty() && existing.get().announcement().equals(a))
                return new Decision.Repeat(existing.get().index());
            out.add(new Problem(
                    Rule.AN_DUP,
                    where + " id",
                    "announcement '" + a.id() + "' is already in the log (index "
                            + existing.get().index() + ") with other figures"));
        }
        return refuseOrAccept(out);
    }

    private Decision evidence(LedgerView ledger, EvidenceEntry entry, String where) {
        Evidence ev = entry.evidence();
        Election el = ledger.election().orElseThrow();
        List<Problem> out = new ArrayList<>(0);
        if (!ledger.hasStation(ev.stationId())) {
            out.add(new Problem(
                    Rule.EV_STATION, where + " station", "station '" + ev.stationId() + "' is not in the catalogue"));
        }
        if (ev.contestId().isPresent() && el.contestIndex(ev.contestId().get()) < 0) {
            out.add(new Problem(
                    Rule.EV_CONTEST,
                    where + " contest",
                    "contest '" + ev.contestId().get() + "' is not in the election"));
        }
        if (ledger.sourceIndex(ev.sourceId()) < 0) {
            out.add(new Problem(
                    Rule.EV_SOURCE, where + " source", "unknown source '" + ev.sourceId() + "' (declare it first)"));
            return new Decision.Refuse(out);
        }
        signature(ledger, ev.sourceId(), entry.signature(), key -> signatures.verifies(key, entry), where)
                .ifPresent(out::add);
        if (!out.isEmpty()) return new Decision.Refuse(out);
        List<Problem> flags = new ArrayList<>(0);
        for (LedgerView.Filed f : ledger.evidence(ev.original().sha256())) {
            Evidence before = f.entry().evidence();
            if (before.stationId().equals(ev.stationId()) && before.sourceId().equals(ev.sourceId())) {
                if (f.entry().equals(entry)) return new Decision.Repeat(f.index());
                return refuse(
                        Rule.EV_DUP,
                        where,
                        "these bytes are already filed for station " + ev.stationId() + " by source " + ev.sourceId()
                                + " at log index " + f.index() + " with other details");
            }
            if (!before.stationId().equals(ev.stationId()) && flags.isEmpty()) {
                flags.add(new Problem(
                        Rule.EV_SAME,
                        where,
                        "the same bytes are filed for station " + before.stationId() + " at log index " + f.index()));
            }
        }
        return new Decision.Accept(flags, -1, -1);
    }
}
