package org.veritally.formats.entry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The fastest path for reading a sheet entry: one pass over bytes that are expected to be canonical JSON
 * (docs/log-format.md, "sheet"), with no parser, no tokens and no member-name strings. It understands only the
 * shape {@link SheetJson} writes: no white space, strings without escapes or non-ASCII bytes, unsigned integers,
 * the votes' members in member order, and no {@code evidence}, {@code reason} or {@code supersedes}; anything else
 * (a correction, a photo, a broken entry) makes it give up, and the caller tries the streaming parser, then the
 * strict reader. Whatever it reads is accepted only if re-encoding it gives back exactly the bytes
 * ({@link FastSheetDecoder}), so it can never make a non-canonical entry pass. A contest id is the election's own
 * String. One per entry; not thread-safe.
 */
final class CanonicalSheetScan {
    private static final byte[] CONTEST = key("contest");
    private static final byte[] COUNTS = key("counts");
    private static final byte[] KIND = key("kind");
    private static final byte[] SIGNATURE = key("signature");
    private static final byte[] SIGNER = key("signer");
    private static final byte[] SOURCE = key("source");
    private static final byte[] STATION = key("station");
    private static final byte[] V = key("v");
    private static final byte[] VOTES = key("votes");
    private static final byte[] BALLOTS = key("ballots");
    private static final byte[] BLANK = key("blank");
    private static final byte[] NULL = key("null");
    private static final byte[] REGISTERED = key("registered");
    private static final byte[] VALID = key("valid");

    private final byte[] b;
    private final String[] contestIds;
    private final byte[][][] choiceKeys;
    private final int[][] choiceOrder;
    private int at;

    CanonicalSheetScan(byte[] bytes, String[] contestIds, byte[][][] choiceKeys, int[][] choiceOrder) {
        this.b = bytes;
        this.contestIds = contestIds;
        this.choiceKeys = choiceKeys;
        this.choiceOrder = choiceOrder;
    }

    private static byte[] key(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the members into {@code x}; false when the bytes are not of the shape this scan knows. */
    boolean into(FastSheetDecoder.Parts x) {
        if (!next('{')) return false;
        int contest = -1;
        if (member(CONTEST)) {
            int from = at + 1; // after the opening quote
            int to = stringEnd();
            if (to < 0) return false;
            for (int c = 0; c < contestIds.length && contest < 0; c++) if (same(from, to, contestIds[c])) contest = c;
            if (contest < 0) return false; // an unknown contest: the strict reader names it (TS-CONTEST)
            x.contest = contestIds[contest];
            if (!next(',')) return false;
        }
        if (member(COUNTS)) {
            if (!counts(x) || !next(',')) return false;
        }
        if (!member(KIND)) return false;
        x.kind = string();
        if (x.kind == null || !next(',')) return false;
        if (member(SIGNATURE)) {
            String s = string();
            if (s == null || !next(',')) return false;
            try {
                x.signature = Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                return false; // the strict reader says why (AUTH-SIG)
            }
        }
        if (member(SIGNER)) {
            x.signer = string();
            if (x.signer == null || !next(',')) return false;
        }
        if (!member(SOURCE) || (x.source = string()) == null || !next(',')) return false;
        if (!member(STATION) || (x.station = string()) == null || !next(',')) return false;
        if (!member(V) || (x.v = number()) < 0 || !next(',')) return false;
        if (!member(VOTES) || contest < 0 || !votes(x, contest)) return false;
        return next('}') && at == b.length;
    }

    private boolean counts(FastSheetDecoder.Parts x) {
        if (!next('{')) return false;
        boolean first = true;
        while (!next('}')) {
            if (!first && !next(',')) return false;
            first = false;
            long n;
            if (member(BALLOTS) && (n = number()) >= 0) x.ballots = n;
            else if (member(BLANK) && (n = number()) >= 0) x.blank = n;
            else if (member(NULL) && (n = number()) >= 0) x.nulls = n;
            else if (member(REGISTERED) && (n = number()) >= 0) x.registered = n;
            else if (member(VALID) && (n = number()) >= 0) x.valid = n;
            else return false;
        }
        return true;
    }

    private boolean votes(FastSheetDecoder.Parts x, int contest) {
        byte[][] keys = choiceKeys[contest];
        int[] order = choiceOrder[contest];
        x.votes = new long[keys.length];
        if (!next('{')) return false;
        for (int i = 0; i < keys.length; i++) {
            if (i > 0 && !next(',')) return false;
            if (!member(keys[i])) return false;
            long n = number();
            if (n < 0) return false;
            x.votes[order[i]] = n;
            x.seenVotes++;
        }
        return next('}');
    }

    private boolean next(char c) {
        if (at < b.length && b[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    /** Whether the member name (with its quotes and colon) {@code key} is next; if so, steps over it. */
    private boolean member(byte[] key) {
        if (b.length - at < key.length || !Arrays.equals(b, at, at + key.length, key, 0, key.length)) return false;
        at += key.length;
        return true;
    }

    /** Steps over a string of printable ASCII without escapes; the index after its closing quote, or -1. */
    private int stringEnd() {
        if (!next('"')) return -1;
        for (int i = at; i < b.length; i++) {
            byte c = b[i];
            if (c == '"') {
                at = i + 1;
                return i;
            }
            if (c < 0x20 || c == '\\') return -1; // negative: not ASCII
        }
        return -1;
    }

    private String string() {
        int from = at + 1;
        int to = stringEnd();
        return to < 0 ? null : new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private boolean same(int from, int to, String ascii) {
        if (to - from != ascii.length()) return false;
        for (int i = 0; i < ascii.length(); i++) if (b[from + i] != ascii.charAt(i)) return false;
        return true;
    }

    /** An unsigned integer of at most 16 digits; -1 (and {@code at} left where it failed) when there is none. */
    private long number() {
        int from = at;
        long n = 0;
        while (at < b.length && b[at] >= '0' && b[at] <= '9' && at - from < 16) n = n * 10 + (b[at++] - '0');
        return at == from ? -1 : n;
    }
}
