package org.veritally.translog;

/**
 * The C2SP tlog-tiles path syntax: {@code <N>} as zero-padded 3-digit elements with {@code x}
 * prefixes on all but the last, and the {@code .p/<W>} suffix of partial tiles.
 *
 * <p>Parsing accepts only the canonical spelling that {@link Tile#path()} produces (rule {@code
 * TILE-PATH-1}): no leading zero group ({@code x000/067} is not 67), decimal levels and widths
 * without leading zeroes, levels 0 to 63, widths 1 to 255. Stateless and thread-safe.
 */
final class TilePaths {

    private TilePaths() {}

    /** {@code 1234067 -> "x001/x234/067"}, {@code 67 -> "067"}. */
    static String encodeIndex(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("tile index must be >= 0, got " + n);
        }
        String last = String.format("%03d", n % 1000);
        StringBuilder prefix = new StringBuilder();
        for (long rest = n / 1000; rest > 0; rest /= 1000) {
            prefix.insert(0, String.format("x%03d/", rest % 1000));
        }
        return prefix + last;
    }

    static String widthSuffix(int width) {
        return width < Tile.FULL_WIDTH ? ".p/" + width : "";
    }

    static Parsed<Tile> parse(String path) {
        if (!path.startsWith("tile/")) {
            return bad(path, "must start with tile/");
        }
        String rest = path.substring("tile/".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return bad(path, "missing tile index");
        }
        String kind = rest.substring(0, slash);
        String indexAndWidth = rest.substring(slash + 1);
        int width = Tile.FULL_WIDTH;
        String indexPart = indexAndWidth;
        int p = indexAndWidth.indexOf(".p/");
        if (p >= 0) {
            String w = indexAndWidth.substring(p + 3);
            if (!w.matches("[1-9][0-9]{0,2}") || Integer.parseInt(w) >= Tile.FULL_WIDTH) {
                return bad(path, "partial width must be 1 to 255 without leading zeroes");
            }
            width = Integer.parseInt(w);
            indexPart = indexAndWidth.substring(0, p);
        }
        long index = decodeIndex(indexPart);
        if (index < 0) {
            return bad(path, "tile index is not canonical x-prefixed 3-digit groups");
        }
        if (kind.equals("entries")) {
            return Parsed.ok(new Tile.Entries(index, width));
        }
        if (!kind.matches("0|[1-9][0-9]?") || Integer.parseInt(kind) > 63) {
            return bad(path, "tile level must be 0 to 63 without leading zeroes, or 'entries'");
        }
        return Parsed.ok(new Tile.Hashes(Integer.parseInt(kind), index, width));
    }

    /** The index, or -1 if the text is not a canonical encoding of one that fits in a long. */
    private static long decodeIndex(String s) {
        String[] groups = s.split("/", -1);
        long n = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            boolean last = i == groups.length - 1;
            if (!(last ? g.matches("[0-9]{3}") : g.matches("x[0-9]{3}"))) {
                return -1;
            }
            int value = Integer.parseInt(last ? g : g.substring(1));
            if (i == 0 && !last && value == 0) {
                return -1;
            }
            if (n > (Long.MAX_VALUE - value) / 1000) {
                return -1;
            }
            n = n * 1000 + value;
        }
        return n;
    }

    private static Parsed<Tile> bad(String path, String why) {
        return Parsed.invalid(Rule.TILE_PATH_1, path, why);
    }
}
