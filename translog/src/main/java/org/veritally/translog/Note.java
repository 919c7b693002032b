package org.veritally.translog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.veritally.core.validation.Problem;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one signature line per
 * signature.
 *
 * <p>{@link #parse} is strict and checks {@code NOTE-FMT-1} (UTF-8, no control characters but
 * newline), {@code NOTE-FMT-2} (text, blank line, at least one signature line, final newline),
 * {@code NOTE-FMT-3} (each signature line) and {@code NOTE-FMT-4} (at most {@value
 * #MAX_SIGNATURES} signatures). Parsing does not verify anything: the text must be ignored until
 * {@link NoteVerifier} says a trusted key signed it.
 *
 * <p>Invariants: the text ends in a newline and has no control character but newline; a note may
 * be built with no signature yet, but only a signed note can be {@link #format}ted. Immutable and
 * thread-safe.
 *
 * @param text the signed text, final newline included
 * @param signatures the signature lines, in order
 */
public record Note(String text, List<NoteSignature> signatures) {

    /** The most signatures a parsed note may carry; signed-note requires accepting at least 16. */
    public static final int MAX_SIGNATURES = 100;

    public Note {
        if (!text.endsWith("\n") || hasControl(text)) {
            throw new IllegalArgumentException(
                    "note text must end in a newline and hold no control character but newline");
        }
        signatures = List.copyOf(signatures);
    }

    /** Parses a note from bytes, which must be valid UTF-8. */
    public static Parsed<Note> parse(byte[] utf8) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
            return parse(s);
        } catch (CharacterCodingException e) {
            return Parsed.invalid(Rule.NOTE_FMT_1, "note", "the note is not valid UTF-8");
        }
    }

    /** Parses a note. */
    public static Parsed<Note> parse(String note) {
        Objects.requireNonNull(note, "note");
        if (hasControl(note)) {
            return Parsed.invalid(Rule.NOTE_FMT_1, "note", "control character other than newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            return Parsed.invalid(Rule.NOTE_FMT_2, "note", "no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            return Parsed.invalid(
                    Rule.NOTE_FMT_2, "note", "signatures must follow the blank line, each ending in newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            return Parsed.invalid(Rule.NOTE_FMT_4, "note", lines.length + " signatures exceed " + MAX_SIGNATURES);
        }
        int firstLine = (int) text.chars().filter(c -> c == '\n').count() + 2;
        List<Problem> problems = new ArrayList<>();
        List<NoteSignature> sigs = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            Parsed<NoteSignature> p = NoteSignature.parseLine(lines[i], "line " + (firstLine + i));
            problems.addAll(p.problems());
            if (p instanceof Parsed.Ok<NoteSignature> ok) {
                sigs.add(ok.value());
            }
        }
        return problems.isEmpty() ? Parsed.ok(new Note(text, sigs)) : Parsed.invalid(problems);
    }

    /** This note with one more signature line. */
    public Note withSignature(NoteSignature signature) {
        List<NoteSignature> more = new ArrayList<>(signatures);
        more.add(signature);
        return new Note(text, more);
    }

    /**
     * The note as text: the text, a blank line, and the signature lines.
     *
     * @throws IllegalStateException if the note has no signature yet
     */
    public String format() {
        if (signatures.isEmpty()) {
            throw new IllegalStateException("a signed note needs at least one signature");
        }
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (NoteSignature s : signatures) {
            sb.append(s.line()).append('\n');
        }
        return sb.toString();
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                return true;
            }
        }
        return false;
    }
}
