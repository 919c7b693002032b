package org.veritally.formats.nist;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts of one view, spilled to one temporary binary file per contest: the NIST report nests
 * counts selection by selection (every unit's and station's count of line 1, then of line 2, …)
 * while the database yields them station by station, so each contest's rows are written once and
 * read back once per ballot line. Memory stays constant; disk use is about 8 bytes per count. The
 * files are deleted on {@link #close}. Not thread-safe.
 */
final class CountSpill implements AutoCloseable {
    /** One spilled record; the votes array is reused between callbacks. */
    interface Visitor {
        void visit(String gpUnitId, long ballots, long nulls, long blank, long[] votes);
    }

    private final Path dir;
    private final int[] choices;
    private final DataOutputStream[] outs;
    private final long[] records;

    CountSpill(int[] choicesPerContest) {
        this.choices = choicesPerContest.clone();
        this.outs = new DataOutputStream[choices.length];
        this.records = new long[choices.length];
        try {
            this.dir = Files.createTempDirectory("veritally-nist-");
            for (int c = 0; c < choices.length; c++) {
                outs[c] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(c)), 1 << 16));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(int contest) {
        return dir.resolve("contest-" + contest + ".bin");
    }

    /** Appends a record; ballots and blank may be -1 (absent). */
    void add(int contest, String gpUnitId, long ballots, long nulls, long blank, long[] votes) {
        if (votes.length != choices[contest])
            throw new IllegalArgumentException(
                    "contest " + contest + ": " + votes.length + " votes, expected " + choices[contest]);
        try {
            DataOutputStream o = outs[contest];
            o.writeUTF(gpUnitId);
            o.writeLong(ballots);
            o.writeLong(nulls);
            o.writeLong(blank);
            for (long v : votes) o.writeLong(v);
            records[contest]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends writing; afterwards only {@link #read} is allowed. */
    void finish() {
        try {
            for (DataOutputStream o : outs) o.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long records(int contest) {
        return records[contest];
    }

    /** Replays a contest's records in the order they were added. */
    void read(int contest, Visitor v) {
        long[] votes = new long[choices[contest]];
        try (Reader in = new Reader(file(contest))) {
            for (long r = 0; r < records[contest]; r++) {
                String id = in.utf();
                long ballots = in.readLong();
                long nulls = in.readLong();
                long blank = in.readLong();
                for (int i = 0; i < votes.length; i++) votes[i] = in.readLong();
                v.visit(id, ballots, nulls, blank, votes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads what {@link DataOutputStream} wrote (big-endian longs, modified-UTF-8 strings, which for
     * the ASCII ids of a report are plain ASCII) from its own 1 MiB buffer: the records are read once
     * per ballot line, and DataInputStream's per-call overhead dominated the report's CPU time.
     */
    private static final class Reader implements AutoCloseable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 20];
        private int pos;
        private int limit;

        Reader(Path f) throws IOException {
            this.in = Files.newInputStream(f);
        }

        private void need(int n) throws IOException {
            if (limit - pos >= n) return;
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
            while (limit < n) {
                int r = in.read(buf, limit, buf.length - limit);
                if (r < 0) throw new java.io.EOFException("spill file truncated");
                limit += r;
            }
        }

        long readLong() throws IOException {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (buf[pos++] & 0xFF);
            return v;
        }

        String utf() throws IOException {
            need(2);
            int len = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
            pos += 2;
            need(len);
            boolean ascii = true;
            for (int i = pos; i < pos + len && ascii; i++) ascii = buf[i] > 0;
            String s =
                    ascii ? new String(buf, pos, len, java.nio.charset.StandardCharsets.ISO_8859_1) : modifiedUtf8(len);
            pos += len;
            return s;
        }

        private String modifiedUtf8(int len) throws IOException {
            var d = new DataInputStream(new java.io.ByteArrayInputStream(buf, pos - 2, len + 2));
            return d.readUTF();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    @Override
    public void close() {
        try {
            for (DataOutputStream o : outs) if (o != null) o.close();
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
