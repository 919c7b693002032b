package org.veritally.server.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.veritally.formats.replay.LogReplay;
import org.veritally.formats.replay.ResultsJson;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.Note;
import org.veritally.translog.Parsed;
import org.veritally.translog.Tile;
import org.veritally.translog.TileLayout;

/**
 * Use case {@code publish}: writes the log in the C2SP tlog-tiles layout (hash tiles, entry bundles,
 * then {@code checkpoint} last, so a reader never sees a checkpoint whose tiles are missing) and the
 * published results of that same tree size, recomputed from the log itself ({@link LogReplay}).
 * Incremental: only tiles that changed since the checkpoint already in the output are written.
 * Files are written to a temporary name and renamed into place.
 */
public final class Publisher {
  private final Store store;
  private final LogView log;
  private final LogKeys keys;

  public Publisher(Store store, LogKeys keys) {
    this.store = store;
    this.log = new LogView(store);
    this.keys = keys;
  }

  /** What one publish did. */
  public record Report(long previousSize, long size, int tilesWritten, int resultFiles) {}

  public Report publish(Path out) throws IOException {
    var latest = log.latest().orElseThrow(() -> new IllegalStateException("the log is empty: nothing to publish"));
    long m = previousSize(out);
    long n = latest.size();
    if (m > n) throw new IllegalStateException("the output holds a larger tree (" + m + ") than this log (" + n + "): refusing to roll it back");
    int tiles = 0;
    for (Tile.Hashes t : TileLayout.hashTilesChanged(m, n)) {
      write(out.resolve(t.path()), log.tile(t));
      tiles++;
    }
    for (Tile.Entries t : TileLayout.entryBundlesChanged(m, n)) {
      write(out.resolve(t.path()), log.entryBundle(t));
      tiles++;
    }
    LogReplay replay = new LogReplay();
    for (long from = 0; from < n; from += 10_000) {
      for (LogRow r : store.readLog(from, (int) Math.min(10_000, n - from))) {
        var findings = replay.accept(r.body());
        if (!findings.isEmpty()) throw new IllegalStateException("the log does not replay: " + findings);
      }
    }
    replay.finish();
    List<ResultsJson.File> results = replay.election().isPresent()
        ? ResultsJson.all(replay.election().get(), replay.catalogue(), replay.tabulation(), n) : List.of();
    for (var f : results) write(out.resolve(f.path()), f.bytes());
    write(out.resolve("log.vkey"), (keys.verifierKey().encode() + "\n").getBytes(StandardCharsets.UTF_8));
    write(out.resolve("checkpoint"), latest.note().getBytes(StandardCharsets.UTF_8));
    return new Report(m, n, tiles, results.size());
  }

  private static long previousSize(Path out) throws IOException {
    Path cp = out.resolve("checkpoint");
    if (!Files.exists(cp)) return 0;
    if (Note.parse(Files.readString(cp)) instanceof Parsed.Ok<Note> ok && Checkpoint.parse(ok.value().text()) instanceof Parsed.Ok<Checkpoint> c) {
      return c.value().size();
    }
    throw new IllegalStateException(cp + " is not a checkpoint; publish into an empty directory or a previous publication");
  }

  static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
