package org.veritally.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.veritally.core.validation.Problem;

/**
 * The body of a C2SP tlog-checkpoint: {@code <origin>\n<decimal size>\n<base64 root>\n} followed
 * by optional extension lines, each newline-terminated.
 *
 * <p>{@link #parse} is strict: {@code CKPT-FMT-1} (at least three lines, each non-empty and
 * newline-terminated), {@code CKPT-FMT-2} (size in decimal without leading zeroes, at most
 * 2^63-1, a limit of this implementation below the spec's), {@code CKPT-FMT-3} (root hash in
 * canonical standard base64). The hash length is not fixed by the checkpoint format; a Veritally
 * log's root is 32 bytes, checked by {@link SignedCheckpoint#open} ({@code CKPT-FMT-4}).
 *
 * <p>Invariants: the origin and extension lines are non-empty without newline; {@code size >= 0};
 * the root hash is non-empty. Immutable and thread-safe.
 *
 * @param origin the log identity, the first line
 * @param size the tree size
 * @param rootHash the root hash at that size
 * @param extensions opaque extension lines, usually none
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        requireLine(origin, "origin");
        if (size < 0) {
            throw new IllegalArgumentException("tree size must be >= 0");
        }
        if (rootHash.length == 0) {
            throw new IllegalArgumentException("empty root hash");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        extensions.forEach(e -> requireLine(e, "extension line"));
    }

    /** A checkpoint without extension lines. */
    public static Checkpoint of(String origin, long size, byte[] rootHash) {
        return new Checkpoint(origin, size, rootHash, List.of());
    }

    /** Parses a checkpoint body (the note text), reporting every problem with its line. */
    public static Parsed<Checkpoint> parse(String body) {
        Objects.requireNonNull(body, "body");
        if (!body.endsWith("\n")) {
            return Parsed.invalid(Rule.CKPT_FMT_1, "body", "the body must end in a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            return Parsed.invalid(Rule.CKPT_FMT_1, "body", "need origin, size and root hash lines");
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                problems.add(new Problem(Rule.CKPT_FMT_1, "line " + (i + 1), "empty line"));
            }
        }
        long size = -1;
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            problems.add(new Problem(Rule.CKPT_FMT_2, "line 2", "tree size is not decimal without leading zeroes"));
        } else {
            try {
                size = Long.parseLong(lines[1]);
            } catch (NumberFormatException e) {
                problems.add(new Problem(Rule.CKPT_FMT_2, "line 2", "tree size exceeds 2^63-1"));
            }
        }
        byte[] root = CanonicalBase64.decode(lines[2]).orElse(null);
        if (root == null || root.length == 0) {
            problems.add(new Problem(Rule.CKPT_FMT_3, "line 3", "root hash is not canonical base64"));
        }
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        List<String> ext = Arrays.asList(lines).subList(3, lines.length);
        return Parsed.ok(new Checkpoint(lines[0], size, root, ext));
    }

    /** The checkpoint body, ready to sign as note text. */
    public String body() {
        StringBuilder sb = new StringBuilder();
        sb.append(origin).append('\n').append(size).append('\n');
        sb.append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    private static void requireLine(String s, String what) {
        if (s.isEmpty() || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must be one non-empty line");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && c.origin.equals(origin)
                && c.size == size
                && Arrays.equals(c.rootHash, rootHash)
                && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace('\n', ' ').trim() + "]";
    }
}
