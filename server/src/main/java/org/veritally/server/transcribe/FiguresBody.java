package org.veritally.server.transcribe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.entry.SheetJson;

/**
 * Reads typed figures as the API and the CLI take them: a sheet in the API form ({@code station, contest,
 * source, counts, votes}) with {@code evidence} (the photo's SHA-256, required) and {@code confirmed} (the
 * IDs of the sheet rules the transcriber confirms the photo breaks, optional), and with {@link #readSigned} the
 * account's {@code signature} (optional). Stateless.
 */
public final class FiguresBody {
    private FiguresBody() {}

    /** Figures with the account's signature over their entry, if the body carries one ({@code signature}). */
    public record Signed(TallySheet sheet, Optional<byte[]> signature) {}

    /** The figures, adding the confirmed rule IDs to {@code confirmed}; empty with every problem found. */
    public static Optional<TallySheet> read(
            Election election, byte[] body, List<String> confirmed, List<Problem> problems) {
        return read(election, body, confirmed, false, problems).map(Signed::sheet);
    }

    /**
     * As {@link #read}, and the body's optional {@code signature} (standard base64 of the account's Ed25519
     * signature over the transcription entry without it: docs/log-format.md §1.9, TR-SIGN).
     */
    public static Optional<Signed> readSigned(
            Election election, byte[] body, List<String> confirmed, List<Problem> problems) {
        return read(election, body, confirmed, true, problems);
    }

    private static Optional<Signed> read(
            Election election, byte[] body, List<String> confirmed, boolean signed, List<Problem> problems) {
        Object tree;
        try {
            tree = JsonTree.parse(body);
        } catch (JsonTree.JsonError e) {
            problems.add(new Problem(e.countError() ? Rule.IN_COUNT : Rule.IN_SYNTAX, e.path(), e.getMessage()));
            return Optional.empty();
        }
        if (!(tree instanceof Map<?, ?>)) {
            problems.add(new Problem(Rule.IN_FIELD, "$", "expected a JSON object"));
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>(JsonTree.asObject(tree));
        Optional<byte[]> signature = Optional.empty();
        if (signed && m.containsKey("signature")) signature = signature(m.remove("signature"), problems);
        Object c = m.remove("confirmed");
        if (c instanceof List<?> l) for (Object x : l) confirmed.add(String.valueOf(x));
        else if (c != null) problems.add(new Problem(Rule.IN_FIELD, "$.confirmed", "a list of rule IDs"));
        Optional<TallySheet> s =
                new SheetJson(election).decode(new Fields(m, "$", problems), true, Optional.empty(), problems);
        if (s.isPresent() && s.get().evidence().isEmpty())
            problems.add(new Problem(Rule.IN_FIELD, "$.evidence", "the photo transcribed (its SHA-256)"));
        if (s.isPresent() && s.get().correction().isPresent())
            problems.add(new Problem(Rule.IN_FIELD, "$.supersedes", "a transcription supersedes nothing"));
        Optional<byte[]> sig = signature;
        return problems.isEmpty() ? s.map(x -> new Signed(x, sig)) : Optional.empty();
    }

    /** A {@code signature} member: standard base64 (RFC 4648 §4) of 64 bytes, else IN-FIELD. */
    public static Optional<byte[]> signature(Object value, List<Problem> problems) {
        if (value instanceof String b64) {
            try {
                byte[] sig = java.util.Base64.getDecoder().decode(b64);
                if (sig.length == 64) return Optional.of(sig);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problems.add(new Problem(
                Rule.IN_FIELD, "$.signature", "an Ed25519 signature (64 bytes) in standard base64, 88 characters"));
        return Optional.empty();
    }
}
