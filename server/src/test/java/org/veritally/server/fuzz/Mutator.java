package org.veritally.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded byte-level mutations of valid samples: bit flips, interesting bytes, truncation, insertion,
 * deletion, duplication of a slice, huge and out-of-profile numbers, unicode (valid, invalid and
 * confusing), deep nesting, structural tokens of the format, and splicing with another sample. One to
 * four mutations are stacked per input (one in two inputs has a single mutation, so many stay close
 * enough to valid to reach the rules behind the syntax check). Deterministic for a given random generator. Stateless.
 */
final class Mutator {
    static final int MAX_LEN = 1 << 20;
    private static final byte[] INTERESTING = {
        0,
        1,
        '\n',
        '\r',
        '\t',
        ' ',
        '"',
        '\\',
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        '!',
        '.',
        '-',
        '+',
        '0',
        '9',
        'e',
        'E',
        'n',
        (byte) 0x7f,
        (byte) 0x80,
        (byte) 0xc0,
        (byte) 0xc3,
        (byte) 0xed,
        (byte) 0xef,
        (byte) 0xf0,
        (byte) 0xff
    };
    private static final List<String> NUMBERS = List.of(
            "-1",
            "-0",
            "0.5",
            "1e3",
            "1E-7",
            "00012",
            "9007199254740992",
            "9007199254740993",
            "-9007199254740993",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551616",
            "999999999999999",
            "1000000000000000",
            "9".repeat(400),
            "1" + "0".repeat(5000),
            "NaN",
            "Infinity",
            "0x10",
            "1_000",
            "١٢٣");
    private static final List<String> UNICODE = List.of(
            "é",
            "\u00a0",
            "\u200b",
            "\u202e",
            "\ufeff",
            "\uffff",
            "\ud83d\uddf3",
            "\u0000",
            "\u2028",
            "Ω",
            "𝟗",
            "\u0301",
            "ǅ");
    private static final byte[][] RAW_UTF8 = {
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xc0, (byte) 0xaf},
        {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xe2, (byte) 0x82},
        {(byte) 0xfe},
        {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}
    };
    private final List<String> tokens;

    /** A mutator that also inserts the given format tokens (field names, separators, keywords). */
    Mutator(List<String> tokens) {
        this.tokens = tokens;
    }

    /** One mutated input derived from {@code seeds}. */
    byte[] mutate(List<byte[]> seeds, SplittableRandom r) {
        byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
        int n = 1;
        while (n < 4 && r.nextBoolean()) n++;
        for (int i = 0; i < n; i++) b = once(b, seeds, r);
        return b.length > MAX_LEN ? java.util.Arrays.copyOf(b, MAX_LEN) : b;
    }

    private byte[] once(byte[] b, List<byte[]> seeds, SplittableRandom r) {
        int len = b.length;
        int at = len == 0 ? 0 : r.nextInt(len + 1);
        switch (r.nextInt(14)) {
            case 0 -> { // bit flip
                if (len > 0) b[r.nextInt(len)] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
            case 1 -> { // interesting byte overwrite
                if (len > 0) b[r.nextInt(len)] = INTERESTING[r.nextInt(INTERESTING.length)];
                return b;
            }
            case 2 -> { // truncation
                return java.util.Arrays.copyOf(b, at);
            }
            case 3 -> { // random bytes inserted
                byte[] ins = new byte[1 + r.nextInt(8)];
                for (int i = 0; i < ins.length; i++) ins[i] = (byte) r.nextInt(256);
                return splice(b, at, at, ins);
            }
            case 4 -> { // slice deleted
                int end = Math.min(len, at + 1 + r.nextInt(16));
                return splice(b, at, end, new byte[0]);
            }
            case 5 -> { // slice duplicated, sometimes many times
                if (len == 0) return b;
                int from = r.nextInt(len);
                int to = Math.min(len, from + 1 + r.nextInt(64));
                byte[] slice = java.util.Arrays.copyOfRange(b, from, to);
                int times = r.nextInt(10) == 0 ? 1 + r.nextInt(2000) : 1 + r.nextInt(3);
                var out = new ByteArrayOutputStream();
                for (int i = 0; i < times && out.size() < MAX_LEN; i++) out.writeBytes(slice);
                return splice(b, to, to, out.toByteArray());
            }
            case 6 -> { // a run of digits replaced by a huge or out-of-profile number
                return replaceNumber(b, r);
            }
            case 7 -> { // unicode: valid text, or raw invalid UTF-8
                byte[] u = r.nextBoolean()
                        ? UNICODE.get(r.nextInt(UNICODE.size())).getBytes(StandardCharsets.UTF_8)
                        : RAW_UTF8[r.nextInt(RAW_UTF8.length)];
                return splice(b, at, at, u);
            }
            case 8 -> { // deep nesting
                int depth = r.nextInt(4) == 0 ? 100_000 : 1 + r.nextInt(2000);
                String open = r.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String nest = open.repeat(depth) + "1" + (r.nextBoolean() ? close.repeat(depth) : "");
                return splice(b, at, at, nest.getBytes(StandardCharsets.UTF_8));
            }
            case 9, 10 -> { // a format token
                return splice(b, at, at, tokens.get(r.nextInt(tokens.size())).getBytes(StandardCharsets.UTF_8));
            }
            case 11 -> { // splice with another sample
                byte[] o = seeds.get(r.nextInt(seeds.size()));
                int from = o.length == 0 ? 0 : r.nextInt(o.length);
                return splice(b, at, len, java.util.Arrays.copyOfRange(o, from, o.length));
            }
            case 12 -> { // a byte repeated
                if (len == 0) return b;
                byte c = b[r.nextInt(len)];
                byte[] run = new byte[1 + r.nextInt(r.nextInt(20) == 0 ? 70_000 : 40)];
                java.util.Arrays.fill(run, c);
                return splice(b, at, at, run);
            }
            default -> { // two bytes swapped
                if (len < 2) return b;
                int i = r.nextInt(len);
                int j = r.nextInt(len);
                byte t = b[i];
                b[i] = b[j];
                b[j] = t;
                return b;
            }
        }
    }

    private static byte[] replaceNumber(byte[] b, SplittableRandom r) {
        String num = NUMBERS.get(r.nextInt(NUMBERS.size()));
        int digits = 0;
        for (byte x : b) if (x >= '0' && x <= '9') digits++;
        if (digits == 0) return splice(b, b.length, b.length, num.getBytes(StandardCharsets.UTF_8));
        int pick = r.nextInt(digits);
        int i = 0;
        for (int seen = -1; i < b.length; i++) if (b[i] >= '0' && b[i] <= '9' && ++seen == pick) break;
        int start = i;
        while (start > 0 && b[start - 1] >= '0' && b[start - 1] <= '9') start--;
        int end = i;
        while (end < b.length && b[end] >= '0' && b[end] <= '9') end++;
        return splice(b, start, end, num.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] splice(byte[] b, int from, int to, byte[] ins) {
        byte[] out = new byte[from + ins.length + (b.length - to)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(ins, 0, out, from, ins.length);
        System.arraycopy(b, to, out, from + ins.length, b.length - to);
        return out;
    }
}
