package org.veritally.server.intake;

import java.util.List;
import java.util.stream.IntStream;
import org.veritally.core.entry.SheetEntry;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.translog.LogHasher;

/**
 * The canonical body (docs/log-format.md) and RFC 9162 leaf hash of the sheet entry of every row of a bulk batch,
 * computed in parallel before the {@link Sequencer} decides on the rows one by one (issue 15: encoding and hashing
 * were about a seventh of the sequencer's thread). Each is a pure function of the row, so computing it early and
 * on another thread changes no byte of the log: the sequencer uses a row's body only if the rulebook accepts it,
 * and the Merkle order stays the sequencer's. Rows without a sheet have neither. Immutable once built.
 */
final class EncodedRows {
    private static final ThreadLocal<LogHasher> HASHERS = ThreadLocal.withInitial(LogHasher::create);

    private final byte[][] bodies;
    private final byte[][] leafHashes;

    private EncodedRows(byte[][] bodies, byte[][] leafHashes) {
        this.bodies = bodies;
        this.leafHashes = leafHashes;
    }

    /** Encodes and hashes the sheets of {@code rows} with {@code codec}, on the common fork-join pool and here. */
    static EncodedRows of(List<SheetRow> rows, EntryCodec codec) {
        byte[][] bodies = new byte[rows.size()][];
        byte[][] hashes = new byte[rows.size()][];
        IntStream.range(0, rows.size()).parallel().forEach(r -> {
            SheetRow row = rows.get(r);
            if (row.sheet().isEmpty() || !row.problems().isEmpty()) return;
            byte[] body = codec.encode(new SheetEntry(row.sheet().get(), row.signature()));
            bodies[r] = body;
            hashes[r] = HASHERS.get().leafHash(body);
        });
        return new EncodedRows(bodies, hashes);
    }

    /** The canonical body of row {@code r}'s sheet entry. */
    byte[] body(int r) {
        return bodies[r];
    }

    /** Its leaf hash, SHA-256(0x00 || body). */
    byte[] leafHash(int r) {
        return leafHashes[r];
    }
}
