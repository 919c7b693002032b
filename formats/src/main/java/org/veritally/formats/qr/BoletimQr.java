package org.veritally.formats.qr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.veritally.core.validation.Problem;

/**
 * Parses one boletim-de-urna QR payload: {@code QRBU:i:n VRQR:v [VRCH:c] <content> HASH:<hex> [ASSI:<hex>]}, one
 * line of tokens separated by single spaces (../shared/README.md, "The Brazilian boletim de urna QR"). Pure: a
 * string in, a part or every problem out (BU-SYNTAX); the hash chain and the signature are checked once the parts
 * are assembled ({@link Boletins}, {@link BoletimVerifier}). Stateless and thread-safe.
 */
public final class BoletimQr {
    static final Pattern QRBU = Pattern.compile("QRBU:([1-9][0-9]{0,2}):([1-9][0-9]{0,2})");
    static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{128}");
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+:[^ :]+");

    private BoletimQr() {}

    /** A parsed part, or the problems that kept the payload from being one (then {@code part} is empty). */
    public record Parsed(Optional<BoletimPart> part, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** Parses {@code payload}; problems are located at {@code where}. */
    public static Parsed parse(String payload, String where) {
        String s = payload.strip();
        if (s.startsWith("\uFEFF")) s = s.substring(1);
        List<Problem> ps = new ArrayList<>(0);
        String[] t = s.split(" ", -1);
        int at = 0;
        var m = QRBU.matcher(t[0]);
        if (!m.matches()) return bad(where, "the payload does not start with QRBU:<part>:<parts>: '" + cut(t[0]) + "'");
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (index > count) return bad(where, "part " + index + " of " + count);
        at++;
        if (t.length <= at || !t[at].startsWith("VRQR:") || t[at].length() == 5)
            return bad(where, "no VRQR:<version> after QRBU");
        String version = t[at++].substring(5);
        Optional<String> chapter = Optional.empty();
        if (t.length > at && t[at].startsWith("VRCH:")) chapter = Optional.of(t[at++].substring(5));
        int contentStart = at;
        int hashAt = -1;
        for (int i = at; i < t.length; i++) {
            if (t[i].startsWith("HASH:")) {
                hashAt = i;
                break;
            }
        }
        if (hashAt < 0) return bad(where, "no HASH token");
        if (hashAt == contentStart) return bad(where, "no content between the header and HASH");
        for (int i = contentStart; i < hashAt; i++) {
            if (!TOKEN.matcher(t[i]).matches())
                ps.add(new Problem(
                        BoletimRule.BU_SYNTAX, where + " token " + (i + 1), "not TAG:value: '" + cut(t[i]) + "'"));
        }
        String hash = t[hashAt].substring(5);
        if (!HEX64.matcher(hash).matches())
            ps.add(new Problem(
                    BoletimRule.BU_SYNTAX, where + " HASH", "not 128 hexadecimal digits: '" + cut(hash) + "'"));
        Optional<String> sig = Optional.empty();
        int after = hashAt + 1;
        if (t.length > after && t[after].startsWith("ASSI:")) {
            String a = t[after].substring(5);
            if (!HEX64.matcher(a).matches())
                ps.add(new Problem(
                        BoletimRule.BU_SYNTAX, where + " ASSI", "not 128 hexadecimal digits: '" + cut(a) + "'"));
            sig = Optional.of(a);
            after++;
        }
        if (t.length > after)
            ps.add(new Problem(
                    BoletimRule.BU_SYNTAX,
                    where + " token " + (after + 1),
                    "unexpected after HASH/ASSI: '" + cut(t[after]) + "'"));
        if (!ps.isEmpty()) return new Parsed(Optional.empty(), ps);
        String content = String.join(" ", java.util.Arrays.asList(t).subList(contentStart, hashAt));
        return new Parsed(
                Optional.of(new BoletimPart(index, count, version, chapter, content, hash, sig, where, s)), ps);
    }

    private static Parsed bad(String where, String message) {
        return new Parsed(Optional.empty(), List.of(new Problem(BoletimRule.BU_SYNTAX, where, message)));
    }

    /** At most 40 characters of {@code s}, for messages. */
    static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
