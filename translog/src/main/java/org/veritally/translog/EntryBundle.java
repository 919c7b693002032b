package org.veritally.translog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A C2SP tlog-tiles entry bundle: a sequence of log entries, each as a big-endian uint16 length and
 * the entry bytes (tlog-tiles §Log entries). A full bundle holds 256 entries.
 *
 * <p>{@link #parse} is strict (rule {@code TILE-ENT-1}): exactly the expected number of entries,
 * no truncated length or entry, no trailing bytes. Invariants: at most 256 entries, each at most
 * 65,535 bytes. Immutable (arrays are copied in and out) and thread-safe.
 *
 * @param entries the entries, in log order
 */
public record EntryBundle(List<byte[]> entries) {

    /** Largest entry a uint16 length prefix can carry. */
    public static final int MAX_ENTRY_SIZE = 0xffff;

    public EntryBundle {
        if (entries.size() > Tile.FULL_WIDTH) {
            throw new IllegalArgumentException("a bundle holds at most 256 entries");
        }
        List<byte[]> copy = new ArrayList<>(entries.size());
        for (byte[] e : entries) {
            if (e.length > MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("entry of " + e.length + " bytes exceeds 65535");
            }
            copy.add(e.clone());
        }
        entries = List.copyOf(copy);
    }

    /** Parses a bundle that must hold exactly {@code expectedCount} entries (the tile width). */
    public static Parsed<EntryBundle> parse(byte[] bytes, int expectedCount) {
        Parsed<List<byte[]>> framed = frame(bytes, expectedCount);
        return framed instanceof Parsed.Ok<List<byte[]>> ok
                ? Parsed.ok(new EntryBundle(ok.value()))
                : Parsed.invalid(framed.problems());
    }

    /**
     * Frames a bundle as {@link #parse} does (the same rule, TILE-ENT-1, and the same problems) but returns its
     * entries themselves, each copied once out of {@code bytes} and owned by the caller: {@code verify} frames
     * every bundle of the log and hashes and decodes each entry, and the record's defensive copies cost it two
     * more copies of every byte (docs/performance.md, issue 15).
     */
    public static Parsed<List<byte[]>> frame(byte[] bytes, int expectedCount) {
        List<byte[]> out = new ArrayList<>(Math.max(0, Math.min(expectedCount, Tile.FULL_WIDTH)));
        int at = 0;
        while (at < bytes.length) {
            if (out.size() == expectedCount) {
                return Parsed.invalid(
                        Rule.TILE_ENT_1, "byte " + at, "trailing bytes after " + expectedCount + " entries");
            }
            if (bytes.length - at < 2) {
                return Parsed.invalid(Rule.TILE_ENT_1, "byte " + at, "truncated length prefix");
            }
            int len = (bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff);
            at += 2;
            if (bytes.length - at < len) {
                return Parsed.invalid(
                        Rule.TILE_ENT_1,
                        "byte " + (at - 2),
                        "entry " + out.size() + " claims " + len + " bytes, " + (bytes.length - at) + " left");
            }
            out.add(Arrays.copyOfRange(bytes, at, at + len));
            at += len;
        }
        if (out.size() != expectedCount) {
            return Parsed.invalid(
                    Rule.TILE_ENT_1, "end", "bundle holds " + out.size() + " entries, want " + expectedCount);
        }
        return Parsed.ok(out);
    }

    /** The bundle bytes. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            out.write(e.length >>> 8);
            out.write(e.length & 0xff);
            out.write(e, 0, e.length);
        }
        return out.toByteArray();
    }

    @Override
    public List<byte[]> entries() {
        List<byte[]> copy = new ArrayList<>(entries.size());
        entries.forEach(e -> copy.add(e.clone()));
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryBundle b && Arrays.deepEquals(entries.toArray(), b.entries.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(entries.toArray());
    }

    @Override
    public String toString() {
        return "EntryBundle[" + entries.size() + " entries]";
    }
}
