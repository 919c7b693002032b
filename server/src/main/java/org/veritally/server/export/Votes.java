package org.veritally.server.export;

/** Parses the {@code votes} column of the projections (comma-separated counts in ballot order) without regexes. */
final class Votes {
    private Votes() {}

    static long[] parse(String s) {
        if (s.isEmpty()) return new long[0];
        int n = 1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ',') n++;
        long[] out = new long[n];
        int k = 0;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ',') {
                out[k++] = v;
                v = 0;
            } else if (ch >= '0' && ch <= '9') {
                v = v * 10 + (ch - '0');
            } else {
                throw new IllegalStateException("malformed votes column: '" + s + "'");
            }
        }
        out[k] = v;
        return out;
    }
}
