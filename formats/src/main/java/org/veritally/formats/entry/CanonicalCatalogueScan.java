package org.veritally.formats.entry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.formats.canonical.CanonicalJson;

/**
 * The fastest path for reading a catalogue entry, as {@link CanonicalSheetScan} is for sheets: one pass over bytes
 * expected to be the canonical encoding (docs/log-format.md, "catalogue": {@code kind}, {@code stations}, {@code
 * units}, {@code v}, each station's and unit's members in member order), matching the member names byte for byte,
 * with no parser, tokens or member-name strings. It understands only that shape: no white space, strings without
 * escapes or control characters (UTF-8 beyond ASCII is read as UTF-8), unsigned integers of at most 16 digits;
 * anything else makes it give up, and the caller tries the streaming parser, then the strict reader. What it reads
 * is accepted only if re-encoding it gives back exactly the bytes ({@link FastCatalogueDecoder}), so it can never
 * make a non-canonical entry pass. Issue 15: the catalogue entries of a million stations were 40 % of what was left
 * of decoding. One per entry; not thread-safe.
 */
final class CanonicalCatalogueScan {
    private static final byte[] HEAD = ascii("{\"kind\":\"catalogue\",\"stations\":[");
    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] NAME = ascii(",\"name\":");
    private static final byte[] REGISTERED = ascii(",\"registered\":");
    private static final byte[] UNIT = ascii(",\"unit\":");
    private static final byte[] UNITS = ascii("],\"units\":[");
    private static final byte[] LEVEL = ascii(",\"level\":");
    private static final byte[] PARENT = ascii(",\"parent\":");
    private static final byte[] TAIL = ascii("],\"v\":1}");

    private final byte[] b;
    private int at;

    private CanonicalCatalogueScan(byte[] bytes) {
        this.b = bytes;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The entry {@code bytes} hold, if they are of the shape this scan knows (not yet checked canonical). */
    static Optional<CatalogueEntry> read(byte[] bytes) {
        try {
            return new CanonicalCatalogueScan(bytes).entry();
        } catch (RuntimeException e) {
            // an id the model refuses, or any input the scan did not foresee: the strict reader decides and says why
            return Optional.empty();
        }
    }

    private Optional<CatalogueEntry> entry() {
        if (!literal(HEAD)) return Optional.empty();
        List<Station> stations = new ArrayList<>();
        while (b.length > at && b[at] != ']') {
            if (!stations.isEmpty() && !next(',')) return Optional.empty();
            String id, name, unit;
            long registered;
            if (!literal(ID) || (id = string()) == null) return Optional.empty();
            if (!literal(NAME) || (name = string()) == null) return Optional.empty();
            if (!literal(REGISTERED) || (registered = number()) < 0) return Optional.empty();
            if (registered > CanonicalJson.MAX_SAFE) return Optional.empty(); // IN-COUNT, from the strict reader
            if (!literal(UNIT) || (unit = string()) == null || !next('}')) return Optional.empty();
            id.hashCode(); // computed on this decoder thread, kept in the string: the replay looks each new id up
            stations.add(new Station(id, name, unit, registered));
        }
        if (!literal(UNITS)) return Optional.empty();
        List<Unit> units = new ArrayList<>();
        while (b.length > at && b[at] != ']') {
            if (!units.isEmpty() && !next(',')) return Optional.empty();
            String id, name, parent;
            long level;
            if (!literal(ID) || (id = string()) == null) return Optional.empty();
            if (!literal(LEVEL) || (level = number()) < 0 || level > Integer.MAX_VALUE) return Optional.empty();
            if (!literal(NAME) || (name = string()) == null) return Optional.empty();
            if (!literal(PARENT) || (parent = string()) == null || !next('}')) return Optional.empty();
            units.add(new Unit(id, name, (int) level, parent));
        }
        if (!literal(TAIL) || at != b.length) return Optional.empty();
        return Optional.of(new CatalogueEntry(units, stations));
    }

    private boolean next(char c) {
        if (at < b.length && b[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    /** Whether the bytes {@code s} are next; if so, steps over them. */
    private boolean literal(byte[] s) {
        if (b.length - at < s.length || !java.util.Arrays.equals(b, at, at + s.length, s, 0, s.length)) return false;
        at += s.length;
        return true;
    }

    /** A string without escapes or control characters, or null (then the scan gives up). */
    private String string() {
        if (!next('"')) return null;
        boolean ascii = true;
        for (int i = at; i < b.length; i++) {
            byte c = b[i];
            if (c == '"') {
                String s = new String(b, at, i - at, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                at = i + 1;
                return s;
            }
            if (c < 0) ascii = false; // a byte of a UTF-8 sequence: malformed ones decode to U+FFFD, which the
            // re-encoding does not give back, so the entry is refused its fast path
            else if (c < 0x20 || c == '\\') return null;
        }
        return null;
    }

    /** An unsigned integer of at most 16 digits (no leading zero is refused here: the re-encoding refuses it). */
    private long number() {
        int from = at;
        long n = 0;
        while (at < b.length && b[at] >= '0' && b[at] <= '9' && at - from < 16) n = n * 10 + (b[at++] - '0');
        if (at < b.length && b[at] >= '0' && b[at] <= '9') return -1; // a 17th digit
        return at == from ? -1 : n;
    }
}
