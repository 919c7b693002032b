package org.veritally.formats.entry;

import java.util.ArrayList;
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
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;

/**
 * Encodes entries to their canonical JSON bytes (RFC 8785) and decodes them strictly. Decoding a
 * sheet needs the election (the choices of its contest), so a codec is bound to one election once
 * entry 0 is known. The log-format contract: {@code decode(encode(e))} equals {@code e}, and an entry
 * whose bytes are not the canonical encoding of what they decode to is rejected (LOG-CANON).
 * Immutable and thread-safe.
 */
public final class EntryCodec {
    private final Optional<SheetJson> sheets;
    private final Optional<FastSheetDecoder> fast;
    private final Optional<TranscriptionJson> transcriptions;

    public EntryCodec(Optional<Election> election) {
        this.sheets = election.map(SheetJson::new);
        this.transcriptions = sheets.map(TranscriptionJson::new);
        this.fast = sheets.map(j -> new FastSheetDecoder(j.election(), j));
    }

    /**
     * Decodes a sheet entry on the fast path when its bytes are canonical (then re-encoding gives the
     * same bytes, so callers need not check), else empty: use {@link #decode} for the full report.
     */
    public Optional<SheetEntry> decodeCanonicalSheet(byte[] bytes) {
        return fast.flatMap(f -> f.decode(bytes));
    }

    /** The same fast path for catalogue entries. */
    public Optional<CatalogueEntry> decodeCanonicalCatalogue(byte[] bytes) {
        return FastCatalogueDecoder.decode(bytes, this::encode);
    }

    public Optional<Election> election() {
        return sheets.map(SheetJson::election);
    }

    /** The bytes an account signs for a sheet (see {@link SheetJson#signedMessage}). */
    public byte[] signedMessage(org.veritally.core.model.TallySheet s, String signer) {
        return sheets.orElseThrow(() -> new IllegalStateException("no election yet"))
                .signedMessage(s, signer);
    }

    /**
     * The bytes an account signs for transcription work (TR-SIGN): the canonical entry without its {@code
     * signature} (docs/log-format.md §1.9).
     */
    public byte[] signedMessage(org.veritally.core.entry.TranscriptionWork w) {
        return transcriptions
                .orElseThrow(() -> new IllegalStateException("no election yet"))
                .signedMessage(w);
    }

    public byte[] encode(Entry e) {
        return e.accept(new EntryVisitor<byte[]>() {
            @Override
            public byte[] election(ElectionEntry el) {
                return CanonicalJson.encode(ElectionJson.toTree(el.election()));
            }

            @Override
            public byte[] catalogue(CatalogueEntry c) {
                return encodeCatalogue(c);
            }

            @Override
            public byte[] source(SourceEntry s) {
                return CanonicalJson.encode(Map.of(
                        "kind",
                        "source",
                        "v",
                        1L,
                        "id",
                        s.source().id(),
                        "name",
                        s.source().name(),
                        "role",
                        s.source().kind().wire()));
            }

            @Override
            public byte[] key(KeyEntry k) {
                return KeyJson.encode(k);
            }

            @Override
            public byte[] revocation(org.veritally.core.entry.RevocationEntry r) {
                return KeyJson.encode(r);
            }

            @Override
            public byte[] sheet(SheetEntry s) {
                var json = sheets.orElseThrow(() -> new IllegalStateException("no election yet"));
                return s.signature().isPresent()
                        ? json.encode(s.sheet(), s.signature().get())
                        : json.encode(s.sheet());
            }

            @Override
            public byte[] announcement(AnnouncementEntry a) {
                return CanonicalJson.encode(AnnouncementJson.toTree(a.announcement()));
            }

            @Override
            public byte[] evidence(EvidenceEntry e) {
                return EvidenceJson.encode(e);
            }

            @Override
            public byte[] transcription(org.veritally.core.entry.TranscriptionWork t) {
                return transcriptions
                        .orElseThrow(() -> new IllegalStateException("no election yet"))
                        .encode(t);
            }

            @Override
            public byte[] audit(org.veritally.core.entry.AuditEntry a) {
                return AuditJson.encode(a);
            }
        });
    }

    /**
     * Canonical catalogue bytes written directly in RFC 8785 member order (no trees: catalogues hold millions of
     * stations).
     */
    private static byte[] encodeCatalogue(CatalogueEntry c) {
        var out = new org.veritally.formats.canonical.JsonBytes(
                64 + 80 * (c.units().size() + c.stations().size()));
        out.raw("{\"kind\":\"catalogue\",\"stations\":[");
        for (int i = 0; i < c.stations().size(); i++) {
            Station s = c.stations().get(i);
            out.raw(i == 0 ? "{\"id\":" : ",{\"id\":").string(s.id());
            out.raw(",\"name\":").string(s.name());
            out.raw(",\"registered\":").number(s.registeredVoters()).raw(",\"unit\":");
            out.string(s.unitId()).raw('}');
        }
        out.raw("],\"units\":[");
        for (int i = 0; i < c.units().size(); i++) {
            Unit u = c.units().get(i);
            out.raw(i == 0 ? "{\"id\":" : ",{\"id\":").string(u.id());
            out.raw(",\"level\":").number(u.level()).raw(",\"name\":").string(u.name());
            out.raw(",\"parent\":").string(u.parentId()).raw('}');
        }
        out.raw("],\"v\":1}");
        return out.toByteArray();
    }

    /** Decodes one entry; problems carry the JSON path prefixed with {@code where}. */
    public Optional<Entry> decode(byte[] bytes, String where, List<Problem> problems) {
        Object tree;
        try {
            tree = JsonTree.parse(bytes);
        } catch (JsonTree.JsonError e) {
            problems.add(new Problem(
                    e.countError() ? Rule.IN_COUNT : Rule.IN_SYNTAX, where + " " + e.path(), e.getMessage()));
            return Optional.empty();
        }
        int before = problems.size();
        Fields f = new Fields(tree, where + " $", problems);
        String kind = f.has("kind") ? f.str("kind") : "";
        Optional<Entry> out = switch (kind) {
            case "sheet" -> {
                if (sheets.isEmpty()) {
                    problems.add(new Problem(Rule.IN_FIELD, f.path(), "a sheet before the election entry"));
                    yield Optional.empty();
                }
                yield sheets.get()
                        .decodeSigned(f, false, Optional.empty(), problems)
                        .map(x -> (Entry) x);
            }
            case "election" -> {
                f.str("kind");
                if (f.count("v") != 1)
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
                var e = ElectionJson.read(f, problems);
                f.end();
                yield e.map(ElectionEntry::new);
            }
            case "source" -> {
                if (f.count("v") != 1)
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
                String id = f.str("id");
                String name = f.str("name");
                String role = f.str("role");
                f.end();
                try {
                    yield Optional.of(new SourceEntry(new Source(id, name, SourceKind.ofWire(role))));
                } catch (IllegalArgumentException ex) {
                    problems.add(new Problem(Rule.SRC_KIND, f.path(), ex.getMessage()));
                    yield Optional.empty();
                }
            }
            case "catalogue" -> decodeCatalogue(f, problems);
            case "key" -> {
                f.str("kind");
                if (f.count("v") != 1)
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
                var k = KeyJson.read(f, problems);
                f.end();
                yield k.map(x -> (Entry) x);
            }
            case "revocation" -> {
                f.str("kind");
                if (f.count("v") != 1)
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
                var r = KeyJson.readRevocation(f, problems);
                f.end();
                yield r.map(x -> (Entry) x);
            }
            case "announcement" -> {
                f.str("kind");
                if (f.count("v") != 1)
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
                var a = AnnouncementJson.read(f, false, problems);
                f.end();
                yield a.map(AnnouncementEntry::new);
            }
            case "evidence" -> EvidenceJson.read(f, problems).map(x -> (Entry) x);
            case "transcription", "transcription-flag", "transcriber-pause", "transcription-report" -> {
                if (transcriptions.isEmpty()) {
                    problems.add(new Problem(Rule.IN_FIELD, f.path(), "a " + kind + " before the election entry"));
                    yield Optional.empty();
                }
                yield transcriptions.get().read(kind, f, problems).map(x -> (Entry) x);
            }
            case "audit", "audit-seed", "audit-count", "audit-round" ->
                AuditJson.read(kind, f, problems).map(x -> (Entry) x);
            default -> {
                problems.add(new Problem(Rule.IN_FIELD, f.path() + ".kind", "unknown entry kind '" + kind + "'"));
                yield Optional.empty();
            }
        };
        return problems.size() > before ? Optional.empty() : out;
    }

    private static Optional<Entry> decodeCatalogue(Fields f, List<Problem> problems) {
        if (f.count("v") != 1) problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
        List<Unit> units = new ArrayList<>();
        List<Object> ul = f.list("units");
        for (int i = 0; i < ul.size(); i++) {
            Fields u = new Fields(ul.get(i), f.path() + ".units[" + i + "]", problems);
            String id = u.str("id");
            String name = u.str("name");
            long level = u.count("level");
            String parent = u.str("parent");
            u.end();
            try {
                units.add(new Unit(id, name, (int) level, parent));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.CAT_UNIT, u.path(), e.getMessage()));
            }
        }
        List<Station> stations = new ArrayList<>();
        List<Object> sl = f.list("stations");
        for (int i = 0; i < sl.size(); i++) {
            Fields s = new Fields(sl.get(i), f.path() + ".stations[" + i + "]", problems);
            String id = s.str("id");
            String name = s.str("name");
            String unit = s.str("unit");
            long reg = s.count("registered");
            s.end();
            try {
                stations.add(new Station(id, name, unit, reg));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.CAT_STATION, s.path(), e.getMessage()));
            }
        }
        f.str("kind");
        f.end();
        return Optional.of(new CatalogueEntry(units, stations));
    }
}
