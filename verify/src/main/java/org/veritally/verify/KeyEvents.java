package org.veritally.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.translog.EntryBundle;
import org.veritally.translog.Parsed;
import org.veritally.translog.Tile;
import org.veritally.translog.TileLayout;

/**
 * The key and revocation entries of a stretch of a published log, as {@code watch} reports them
 * (docs/accounts.md, "Keys an operator cannot swap"): a party watching the log sees each new key of
 * its source, who endorsed it, and each revocation with its time and reason, while the cooling-off
 * period still runs. Reads the entry bundles that cover the stretch; whether the entries obey the
 * rules is {@code verify}'s to say. Stateless.
 */
public final class KeyEvents {
    private KeyEvents() {}

    /** One key or revocation entry: its index, and one line saying what it does. */
    public record Event(long index, String line) {}

    /**
     * The key and revocation entries of {@code log} at indices {@code from} (inclusive) to {@code to}
     * (exclusive, the tree size); empty for a stretch whose bundles cannot be read or framed (the
     * watcher's consistency check is the alarm for that).
     */
    public static List<Event> between(PublishedLog log, long from, long to) {
        List<Event> out = new ArrayList<>();
        for (Tile.Entries b : TileLayout.entryBundles(to)) {
            long first = b.index() * Tile.FULL_WIDTH;
            if (first + b.width() <= from) continue;
            Optional<byte[]> bytes = log.read(b.path());
            if (bytes.isEmpty() || !(EntryBundle.parse(bytes.get(), b.width()) instanceof Parsed.Ok<EntryBundle> ok))
                continue;
            List<byte[]> entries = ok.value().entries();
            for (int i = 0; i < entries.size(); i++) {
                long index = first + i;
                if (index >= from) describe(index, entries.get(i)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Event> describe(long index, byte[] entry) {
        Map<String, Object> m;
        try {
            if (!(JsonTree.parse(entry) instanceof Map<?, ?>)) return Optional.empty();
            m = JsonTree.asObject(JsonTree.parse(entry));
        } catch (JsonTree.JsonError e) {
            return Optional.empty();
        }
        Object kind = m.get("kind");
        String who = "source " + m.get("source") + ", account " + m.get("account");
        if ("key".equals(kind)) {
            String how = m.containsKey("endorser")
                    ? "endorsed by " + m.get("endorser")
                    : "NOT endorsed" + (m.containsKey("time") ? ", written " + m.get("time") : "");
            return Optional.of(
                    new Event(index, "KEY entry " + index + ": " + who + ", key " + m.get("key") + " (" + how + ")"));
        }
        if ("revocation".equals(kind)) {
            return Optional.of(new Event(
                    index,
                    "REVOCATION entry " + index + ": " + who + " at " + m.get("time") + ", reason: " + m.get("reason")
                            + " (an unendorsed new key counts only after the election's cooling-off period)"));
        }
        return Optional.empty();
    }
}
