package org.veritally.formats.canonical;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer that writes the pieces of canonical JSON straight to UTF-8 bytes: the encoders of the entries
 * the log holds millions of (sheets, catalogues) write here rather than into a {@link StringBuilder} that is then
 * copied to a String and encoded again (three copies of every byte; docs/performance.md, issue 15). Writes exactly
 * the bytes {@code sb.toString().getBytes(UTF_8)} would give for the same {@link CanonicalJson} calls: a string is
 * escaped as {@link CanonicalJson#string} escapes it (RFC 8785 §3.2.2.2), and each run of non-ASCII characters is
 * encoded as {@link String#getBytes} encodes it (a run never splits a surrogate pair, since the characters around it
 * are ASCII). Not thread-safe; one per encoding.
 */
public final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int size;

    /** A buffer that holds {@code capacity} bytes before it grows. */
    public JsonBytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }

    /** Writes {@code ascii} as it is: a constant of the encoder (member names, punctuation), never data. */
    public JsonBytes raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[size++] = (byte) ascii.charAt(i);
        return this;
    }

    /** Writes bytes prepared ahead (a member name with its quotes and colon, say). */
    public JsonBytes raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** Writes one ASCII character. */
    public JsonBytes raw(char c) {
        ensure(1);
        buf[size++] = (byte) c;
        return this;
    }

    /** Writes {@code n} in decimal, as {@link StringBuilder#append(long)} does. */
    public JsonBytes number(long n) {
        if (n < 0) return raw(Long.toString(n));
        ensure(20);
        int digits = 1;
        for (long x = n; x >= 10; x /= 10) digits++;
        int at = size + digits;
        for (long x = n; ; x /= 10) {
            buf[--at] = (byte) ('0' + (int) (x % 10));
            if (x < 10) break;
        }
        size += digits;
        return this;
    }

    /** Writes a JSON string literal as {@link CanonicalJson#string} writes it, encoded as UTF-8. */
    public JsonBytes string(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[size++] = '"';
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                int j = i + 1;
                while (j < n && s.charAt(j) >= 0x80) j++;
                raw(s.substring(i, j).getBytes(StandardCharsets.UTF_8));
                i = j;
                continue;
            }
            switch (c) {
                case '"' -> raw("\\\"");
                case '\\' -> raw("\\\\");
                case '\b' -> raw("\\b");
                case '\f' -> raw("\\f");
                case '\n' -> raw("\\n");
                case '\r' -> raw("\\r");
                case '\t' -> raw("\\t");
                default -> {
                    if (c < 0x20) {
                        raw("\\u00");
                        raw((char) HEX[c >> 4]);
                        raw((char) HEX[c & 15]);
                    } else {
                        ensure(1);
                        buf[size++] = (byte) c;
                    }
                }
            }
            i++;
        }
        raw('"');
        return this;
    }

    /** How many bytes are written. */
    public int size() {
        return size;
    }

    /** Whether the bytes written are exactly {@code bytes}, compared in place. */
    public boolean contentEquals(byte[] bytes) {
        return Arrays.equals(buf, 0, size, bytes, 0, bytes.length);
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
