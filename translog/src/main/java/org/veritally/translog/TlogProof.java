package org.veritally.translog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.veritally.core.validation.Problem;

/**
 * A receipt in the C2SP {@code tlog-proof@v1} text format: the header line
 * {@code c2sp.org/tlog-proof@v1}, an optional {@code extra <base64>} line (Veritally puts the entry's
 * canonical bytes there, so the receipt alone recomputes the leaf hash), {@code index <n>}, the
 * inclusion proof hashes one base64 line each, an empty line, then the signed checkpoint note.
 * Immutable.
 */
public record TlogProof(Optional<byte[]> extra, long index, List<byte[]> proof, String checkpointNote) {
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        proof = List.copyOf(proof);
        if (index < 0) throw new IllegalArgumentException("index < 0");
    }

    public String format() {
        var sb = new StringBuilder(HEADER).append('\n');
        extra.ifPresent(e -> sb.append("extra ")
                .append(Base64.getEncoder().encodeToString(e))
                .append('\n'));
        sb.append("index ").append(index).append('\n');
        for (byte[] h : proof) sb.append(Base64.getEncoder().encodeToString(h)).append('\n');
        return sb.append('\n').append(checkpointNote).toString();
    }

    /** Parses a receipt; problems carry rule {@code RCPT-FMT-1}. */
    public static Parsed<TlogProof> parse(String text) {
        List<Problem> problems = new ArrayList<>();
        int split = text.indexOf("\n\n");
        if (!text.startsWith(HEADER + "\n") || split < 0) {
            problems.add(new Problem(Rule.RCPT_FMT_1, "line 1", "not a " + HEADER + " proof"));
            return new Parsed.Invalid<>(problems);
        }
        String[] lines = text.substring(0, split).split("\n", -1);
        Optional<byte[]> extra = Optional.empty();
        int i = 1;
        long index = -1;
        List<byte[]> hashes = new ArrayList<>();
        try {
            if (lines.length > i && lines[i].startsWith("extra "))
                extra = Optional.of(Base64.getDecoder().decode(lines[i++].substring(6)));
            if (lines.length <= i || !lines[i].startsWith("index "))
                throw new IllegalArgumentException("missing index line");
            index = Long.parseLong(lines[i++].substring(6));
            if (index < 0) throw new IllegalArgumentException("negative index");
            for (; i < lines.length; i++) {
                byte[] h = Base64.getDecoder().decode(lines[i]);
                if (h.length != LogHasher.HASH_SIZE)
                    throw new IllegalArgumentException("proof hash of " + h.length + " bytes");
                hashes.add(h);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Rule.RCPT_FMT_1, "line " + (i + 1), e.getMessage()));
            return new Parsed.Invalid<>(problems);
        }
        return new Parsed.Ok<>(new TlogProof(extra, index, hashes, text.substring(split + 2)));
    }
}
