package org.veritally.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.formats.Definition;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.formats.replay.ResultsJson;
import org.veritally.translog.AppendResult;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.CompactRange;
import org.veritally.translog.EntryBundle;
import org.veritally.translog.InMemoryNodeStore;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.Tile;
import org.veritally.translog.TileBuilder;
import org.veritally.translog.TileLayout;
import org.veritally.translog.TreeAppender;

/**
 * A publication laid out as {@code publish} lays it out (tlog-tiles, checkpoint, results), built
 * in memory from real encoded entries with the translog and formats code, so the verifier module
 * can be tested without the store or the server. A small hand-written stand-in for a directory.
 * Not thread-safe to build; safe to read from several threads once built.
 */
final class MemoryLog implements PublishedLog {
    final Map<String, byte[]> files = new TreeMap<>();
    final InMemoryNodeStore nodes = new InMemoryNodeStore();
    final List<byte[]> entries;
    final long size;

    private MemoryLog(List<byte[]> entries, NoteSigner key) {
        this.entries = List.copyOf(entries);
        this.size = entries.size();
        AppendResult r = new TreeAppender().appendEntries(CompactRange.empty(), entries);
        nodes.putAll(r.nodes());
        for (Tile.Hashes t : TileLayout.hashTiles(size)) {
            files.put(t.path(), TileBuilder.build(t, nodes));
        }
        for (Tile.Entries b : TileLayout.entryBundles(size)) {
            int from = (int) (b.index() * Tile.FULL_WIDTH);
            files.put(b.path(), new EntryBundle(entries.subList(from, from + b.width())).encode());
        }
        files.put(
                "checkpoint",
                SignedCheckpoint.sign(Checkpoint.of(key.name(), size, r.root()), key)
                        .format()
                        .getBytes());
        LogReplay replay = new LogReplay();
        entries.forEach(replay::accept);
        replay.finish();
        if (replay.election().isPresent()) {
            for (var f : ResultsJson.all(replay.election().get(), replay.catalogue(), replay.tabulation(), size)) {
                files.put(f.path(), f.bytes());
            }
        }
    }

    static MemoryLog publish(List<byte[]> entries, NoteSigner key) {
        return new MemoryLog(entries, key);
    }

    /** The entries of a synthetic election: definition, catalogue, sources, then every sheet. */
    static List<byte[]> election(int stations, int sources, long seed) {
        SyntheticElection gen = new SyntheticElection(stations, 1, 4, sources, seed);
        Definition d = gen.definition();
        EntryCodec codec = new EntryCodec(Optional.of(d.election()));
        List<byte[]> out = new ArrayList<>();
        out.add(codec.encode(new ElectionEntry(d.election())));
        out.add(codec.encode(new CatalogueEntry(d.units(), d.stations())));
        d.sources().forEach(s -> out.add(codec.encode(new SourceEntry(s))));
        gen.sheets(d, s -> out.add(codec.encode(new SheetEntry(s))));
        return out;
    }

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public Optional<byte[]> read(String path) {
        return Optional.ofNullable(files.get(path)).map(byte[]::clone);
    }

    @Override
    public Optional<List<String>> list(String folder) {
        return Optional.of(
                files.keySet().stream().filter(p -> p.startsWith(folder + "/")).toList());
    }
}
