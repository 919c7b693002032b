package org.veritally.core.model;

/** Preconditions on identifiers: printable, no spaces, no separators used by URLs or CSV. */
public final class Ids {
    private Ids() {}

    static void require(String id, String what) {
        if (!valid(id)) {
            throw new IllegalArgumentException(
                    what + " is not a valid id: '" + id + "' (allowed: A-Z a-z 0-9 . _ : -, 1-64 chars)");
        }
    }

    /** As {@link #require(String, String)}, with {@code what} of {@code whatPrefix + whose}, built only on failure. */
    static void require(String id, String whatPrefix, String whose) {
        if (!valid(id)) require(id, whatPrefix + whose);
    }

    /** True for 1–64 characters of {@code A-Z a-z 0-9 . _ : -} (a loop: this runs for every station). */
    public static boolean valid(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!ok) return false;
        }
        return true;
    }
}
