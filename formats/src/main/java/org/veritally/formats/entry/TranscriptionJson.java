package org.veritally.formats.entry;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.TranscriberPauseEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;
import org.veritally.core.entry.TranscriptionReportEntry;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.evidence.Blob;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.ReportReason;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;

/**
 * The canonical JSON of the transcription kinds (docs/log-format.md §1.9):
 *
 * <ul>
 *   <li>{@code transcription}: {@code account, confirmed [rule IDs, sorted], kind, role? ("moderator"),
 *       sheet {the sheet entry's canonical object: the copy the figures would be}, signature?, v};
 *   <li>{@code transcription-flag}: {@code account, kind, photo, reason, role?, signature?, source, station, v};
 *   <li>{@code transcriber-pause}: {@code account, action? ("lift"), by, kind, reason, v};
 *   <li>{@code transcription-report}: {@code account, kind, photo, reason, role?, signature?, source, station,
 *       text?, v} ({@code text} omitted when empty).
 * </ul>
 *
 * {@code signature} (standard base64 of the account's Ed25519 signature) covers the canonical entry without it
 * ({@link #signedMessage}; TR-SIGN).
 *
 * Immutable and thread-safe.
 */
final class TranscriptionJson {
    private static final String MODERATOR = "moderator";
    private static final String LIFT = "lift";

    private final SheetJson sheets;

    TranscriptionJson(SheetJson sheets) {
        this.sheets = sheets;
    }

    byte[] encode(TranscriptionWork e) {
        var m = tree(e);
        e.signature().ifPresent(sig -> m.put("signature", Base64.getEncoder().encodeToString(sig.signature())));
        return CanonicalJson.encode(m);
    }

    /**
     * The bytes an account signs (TR-SIGN, docs/log-format.md §1.9): the canonical entry without its {@code
     * signature} member (the signer is the entry's {@code account}, so no {@code signer} member is added).
     */
    byte[] signedMessage(TranscriptionWork e) {
        return CanonicalJson.encode(tree(e));
    }

    private LinkedHashMap<String, Object> tree(TranscriptionWork e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("kind", e.kind());
        m.put("v", 1L);
        e.accept(new TranscriptionWork.Visitor<Void>() {
            @Override
            public Void transcription(TranscriptionEntry t) {
                m.put("account", t.account());
                m.put("confirmed", List.copyOf(t.confirmed()));
                if (t.settles()) m.put("role", MODERATOR);
                try {
                    m.put("sheet", JsonTree.parse(sheets.encode(t.sheet())));
                } catch (JsonTree.JsonError e) {
                    throw new IllegalStateException("a sheet's own encoding does not parse", e);
                }
                return null;
            }

            @Override
            public Void flag(TranscriptionFlagEntry f) {
                m.put("account", f.account());
                m.put("photo", f.photo());
                m.put("reason", f.reason().wire());
                if (f.settles()) m.put("role", MODERATOR);
                m.put("source", f.sourceId());
                m.put("station", f.stationId());
                return null;
            }

            @Override
            public Void pause(TranscriberPauseEntry p) {
                m.put("account", p.account());
                if (p.lift()) m.put("action", LIFT);
                m.put("by", p.by());
                m.put("reason", p.reason());
                return null;
            }

            @Override
            public Void report(TranscriptionReportEntry r) {
                m.put("account", r.account());
                m.put("photo", r.photo());
                m.put("reason", r.reason().wire());
                if (r.returns()) m.put("role", MODERATOR);
                m.put("source", r.sourceId());
                m.put("station", r.stationId());
                if (!r.text().isEmpty()) m.put("text", r.text());
                return null;
            }
        });
        return m;
    }

    /** Reads an entry of one of the four kinds; the caller has read nothing of {@code f}. */
    Optional<TranscriptionWork> read(String kind, Fields f, List<Problem> problems) {
        int before = problems.size();
        f.str("kind");
        if (f.count("v") != 1) problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
        String account = f.str("account");
        boolean settles = false;
        if (f.has("role")) {
            if (MODERATOR.equals(f.str("role"))) settles = true;
            else problems.add(new Problem(Rule.IN_FIELD, f.path() + ".role", "the only role is 'moderator'"));
        }
        boolean moderatorSays = settles;
        Optional<byte[]> signature = Optional.empty();
        if (f.has("signature") && !kind.equals("transcriber-pause")) { // a pause's is an unknown member (IN-FIELD)
            try {
                signature = Optional.of(Base64.getDecoder().decode(f.str("signature")));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.IN_FIELD, f.path() + ".signature", "the signature is not base64"));
            }
        }
        Optional<byte[]> signed = signature;
        Optional<TranscriptionWork> out = Optional.empty();
        switch (kind) {
            case "transcription" -> {
                List<String> confirmed = new ArrayList<>();
                List<Object> cl = f.list("confirmed");
                for (int i = 0; i < cl.size(); i++) {
                    if (cl.get(i) instanceof String s) confirmed.add(s);
                    else
                        problems.add(new Problem(
                                Rule.IN_FIELD, f.path() + ".confirmed[" + i + "]", "a confirmed rule is its ID"));
                }
                Fields sf = f.obj("sheet");
                var sheet = sheets.decodeSigned(sf, false, Optional.empty(), problems);
                f.end();
                if (problems.size() > before || sheet.isEmpty()) return Optional.empty();
                if (sheet.get().signature().isPresent()
                        || sheet.get().sheet().correction().isPresent()
                        || sheet.get().sheet().evidence().isEmpty()) {
                    problems.add(new Problem(
                            Rule.IN_FIELD,
                            sf.path(),
                            "a transcription's sheet names its photo (evidence), and is neither signed nor a"
                                    + " correction"));
                    return Optional.empty();
                }
                out = construct(
                        () -> sign(
                                new TranscriptionEntry(sheet.get().sheet(), account, confirmed, moderatorSays), signed),
                        f.path(),
                        problems);
            }
            case "transcription-flag" -> {
                String photo = f.str("photo");
                String reason = f.str("reason");
                String source = f.str("source");
                String station = f.str("station");
                f.end();
                Optional<FlagReason> r = FlagReason.ofWire(reason);
                if (r.isEmpty())
                    problems.add(new Problem(
                            Rule.IN_FIELD,
                            f.path() + ".reason",
                            "not a reason: illegible, wrong-station, not-a-tally-sheet or duplicate"));
                if (!Blob.isSha256(photo))
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".photo", "not a SHA-256 in lower-case hex"));
                if (problems.size() > before) return Optional.empty();
                out = construct(
                        () -> sign(
                                new TranscriptionFlagEntry(photo, station, source, account, r.get(), moderatorSays),
                                signed),
                        f.path(),
                        problems);
            }
            case "transcription-report" -> {
                String photo = f.str("photo");
                String reason = f.str("reason");
                String source = f.str("source");
                String station = f.str("station");
                String text = f.has("text") ? f.str("text") : "";
                f.end();
                Optional<ReportReason> r = ReportReason.ofWire(reason);
                if (r.isEmpty())
                    problems.add(new Problem(
                            Rule.IN_FIELD,
                            f.path() + ".reason",
                            "not a reason: illegible, wrong-station, not-a-tally-sheet, duplicate or other"));
                if (!Blob.isSha256(photo))
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".photo", "not a SHA-256 in lower-case hex"));
                if (f.has("text") && text.isEmpty())
                    problems.add(new Problem(Rule.IN_FIELD, f.path() + ".text", "an empty text is omitted"));
                if (problems.size() > before) return Optional.empty();
                out = construct(
                        () -> sign(
                                new TranscriptionReportEntry(
                                        photo, station, source, account, r.get(), text, moderatorSays),
                                signed),
                        f.path(),
                        problems);
            }
            default -> {
                boolean lift = false;
                if (f.has("action")) {
                    if (LIFT.equals(f.str("action"))) lift = true;
                    else problems.add(new Problem(Rule.IN_FIELD, f.path() + ".action", "the only action is 'lift'"));
                }
                boolean lifts = lift;
                String by = f.str("by");
                String reason = f.str("reason");
                f.end();
                if (settles) problems.add(new Problem(Rule.IN_FIELD, f.path() + ".role", "a pause has no role"));
                if (problems.size() > before) return Optional.empty();
                out = construct(() -> new TranscriberPauseEntry(account, by, reason, lifts), f.path(), problems);
            }
        }
        if (out.isEmpty() || problems.size() > before) return Optional.empty();
        return out;
    }

    /** {@code work} with {@code signature}, if any. */
    private static TranscriptionWork sign(TranscriptionWork work, Optional<byte[]> signature) {
        if (signature.isEmpty()) return work;
        return work.accept(new TranscriptionWork.Visitor<TranscriptionWork>() {
            @Override
            public TranscriptionWork transcription(TranscriptionEntry t) {
                return t.signed(signature.get());
            }

            @Override
            public TranscriptionWork flag(TranscriptionFlagEntry fl) {
                return fl.signed(signature.get());
            }

            @Override
            public TranscriptionWork pause(TranscriberPauseEntry p) {
                throw new IllegalArgumentException("a pause is not signed");
            }

            @Override
            public TranscriptionWork report(TranscriptionReportEntry r) {
                return r.signed(signature.get());
            }
        });
    }

    /** Runs a constructor whose preconditions are the entry's shape; a failure is IN-FIELD. */
    private static Optional<TranscriptionWork> construct(
            java.util.function.Supplier<TranscriptionWork> make, String path, List<Problem> problems) {
        try {
            return Optional.of(make.get());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Rule.IN_FIELD, path, e.getMessage()));
            return Optional.empty();
        }
    }
}
