package org.veritally.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a file (the public SQLite snapshot, {@link PublicSnapshot}) at {@code /downloads/veritally.db}, honouring a
 * single {@code Range: bytes=a-b} so a download over a weak line can resume (206 with
 * Content-Range; 416 for a range past the end). Opened read-only per request; never written.
 *
 * <p>Caveat: the store runs SQLite in WAL mode, so the main file lags the last commits until the
 * next checkpoint of the WAL; a consistent snapshot (VACUUM INTO) belongs in the store module.
 */
final class DatabaseDownload {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private DatabaseDownload() {}

    record Span(long from, long to) {
        long length() {
            return to - from + 1;
        }
    }

    /** The requested byte span, whole file when there is no (usable) Range header; empty when unsatisfiable. */
    static Optional<Span> span(String range, long size) {
        if (range == null) return Optional.of(new Span(0, size - 1));
        Matcher m = RANGE.matcher(range.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return Optional.of(new Span(0, size - 1));
        long from;
        long to;
        if (m.group(1).isEmpty()) {
            from = Math.max(0, size - position(m.group(2)));
            to = size - 1;
        } else {
            from = position(m.group(1));
            to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, position(m.group(2)));
        }
        return from > to || from >= size ? Optional.empty() : Optional.of(new Span(from, to));
    }

    /**
     * A byte position of a Range header (digits only, by the pattern): one past a long's range is past
     * any file's end, so it saturates at {@link Long#MAX_VALUE} (a 416, never a NumberFormatException).
     */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static void serve(Context ctx, Path db) throws IOException {
        FileChannel ch = FileChannel.open(db, StandardOpenOption.READ);
        long size = ch.size();
        ctx.header("Accept-Ranges", "bytes").header("Cache-Control", "public, max-age=60");
        ctx.header("Content-Disposition", "attachment; filename=\"veritally.db\"");
        String range = ctx.header("Range");
        Optional<Span> s = span(range, size);
        if (s.isEmpty()) {
            ch.close();
            ctx.status(416).header("Content-Range", "bytes */" + size).result("");
            return;
        }
        Span sp = s.get();
        if (range != null && sp.length() < size)
            ctx.status(206).header("Content-Range", "bytes " + sp.from() + "-" + sp.to() + "/" + size);
        ch.position(sp.from());
        InputStream in = new BoundedStream(Channels.newInputStream(ch), sp.length());
        ctx.contentType("application/vnd.sqlite3")
                .header("Content-Length", Long.toString(sp.length()))
                .result(in);
    }

    /** Reads at most {@code left} bytes of the underlying stream. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private long left;

        BoundedStream(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = super.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }
    }
}
