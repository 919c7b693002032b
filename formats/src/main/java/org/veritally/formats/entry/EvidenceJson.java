package org.veritally.formats.entry;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.evidence.MachineRead;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.Fields;

/**
 * The canonical JSON of an evidence entry (docs/log-format.md §1.7). Members: {@code account,
 * captured?, contest?, kind, original {media, sha256, size}, phash?, public? {media, sha256, size},
 * reads [{format, payload}], signature?, signer?, source, station, v}. {@code phash} is the 64-bit
 * perceptual hash as 16 lower-case hex digits. A signature covers what the filer knows before the
 * server examines the bytes: the canonical object of {@code account, contest?, kind, original,
 * signer, source, station, v} (§1.7); the members the server derives (public, phash, reads,
 * captured) are its own statements, checked against the bytes by whoever holds them. Stateless.
 */
public final class EvidenceJson {
    private EvidenceJson() {}

    /** Canonical bytes of the entry, signed or not. */
    public static byte[] encode(EvidenceEntry e) {
        return CanonicalJson.encode(tree(e.evidence(), e.signature().map(SheetSignature::signer), e.signature()));
    }

    /** The bytes an account signs for {@code ev}: the filer's members only (see the class comment). */
    public static byte[] signedMessage(Evidence ev, String signer) {
        var m = new LinkedHashMap<String, Object>();
        m.put("kind", "evidence");
        m.put("v", 1L);
        m.put("account", ev.account());
        ev.contestId().ifPresent(c -> m.put("contest", c));
        m.put("original", blob(ev.original()));
        m.put("signer", signer);
        m.put("source", ev.sourceId());
        m.put("station", ev.stationId());
        return CanonicalJson.encode(m);
    }

    private static Map<String, Object> tree(Evidence ev, Optional<String> signer, Optional<SheetSignature> sig) {
        var m = new LinkedHashMap<String, Object>();
        m.put("kind", "evidence");
        m.put("v", 1L);
        m.put("account", ev.account());
        ev.captured().ifPresent(c -> m.put("captured", c));
        ev.contestId().ifPresent(c -> m.put("contest", c));
        m.put("original", blob(ev.original()));
        ev.perceptualHash().ifPresent(h -> m.put("phash", HexFormat.of().toHexDigits(h)));
        ev.publicCopy().ifPresent(b -> m.put("public", blob(b)));
        List<Object> reads = new ArrayList<>();
        for (MachineRead r : ev.reads()) reads.add(Map.of("format", r.format(), "payload", r.payload()));
        m.put("reads", reads);
        sig.ifPresent(s -> m.put("signature", Base64.getEncoder().encodeToString(s.signature())));
        signer.ifPresent(s -> m.put("signer", s));
        m.put("source", ev.sourceId());
        m.put("station", ev.stationId());
        return m;
    }

    private static Map<String, Object> blob(Blob b) {
        return Map.of("media", b.mediaType(), "sha256", b.sha256(), "size", b.size());
    }

    /** Reads an evidence entry's members, reporting every problem (IN-FIELD for a broken shape). */
    public static Optional<EvidenceEntry> read(Fields f, List<Problem> problems) {
        int before = problems.size();
        f.str("kind");
        if (f.count("v") != 1) problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
        String account = f.str("account");
        Optional<String> captured = f.has("captured") ? Optional.of(f.str("captured")) : Optional.empty();
        Optional<String> contest = f.has("contest") ? Optional.of(f.str("contest")) : Optional.empty();
        Optional<Blob> original = blob(f.obj("original"), problems);
        OptionalLong phash = OptionalLong.empty();
        if (f.has("phash")) {
            String h = f.str("phash");
            if (h.matches("[0-9a-f]{16}")) phash = OptionalLong.of(HexFormat.fromHexDigitsToLong(h));
            else problems.add(new Problem(Rule.IN_FIELD, f.path() + ".phash", "not 16 lower-case hex digits"));
        }
        Optional<Blob> publicCopy = f.has("public") ? blob(f.obj("public"), problems) : Optional.empty();
        List<MachineRead> reads = new ArrayList<>();
        List<Object> rl = f.list("reads");
        for (int i = 0; i < rl.size(); i++) {
            Fields r = new Fields(rl.get(i), f.path() + ".reads[" + i + "]", problems);
            String format = r.str("format");
            String payload = r.str("payload");
            r.end();
            if (format.isBlank()) problems.add(new Problem(Rule.IN_FIELD, r.path() + ".format", "blank format"));
            else reads.add(new MachineRead(format, payload));
        }
        Optional<SheetSignature> sig = Optional.empty();
        if (f.has("signature") || f.has("signer")) {
            String signer = f.has("signer") ? f.str("signer") : "";
            String b64 = f.str("signature");
            try {
                sig = Optional.of(new SheetSignature(signer, Base64.getDecoder().decode(b64)));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.AUTH_SIG, f.path() + ".signature", "the signature is not base64"));
            }
        }
        String source = f.str("source");
        String station = f.str("station");
        f.end();
        if (problems.size() > before || original.isEmpty()) return Optional.empty();
        var ev = new Evidence(original.get(), publicCopy, station, contest, source, account, captured, phash, reads);
        return Optional.of(new EvidenceEntry(ev, sig));
    }

    private static Optional<Blob> blob(Fields b, List<Problem> problems) {
        String media = b.str("media");
        String sha = b.str("sha256");
        long size = b.count("size");
        b.end();
        try {
            return Optional.of(new Blob(sha, size, media));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Rule.IN_FIELD, b.path(), e.getMessage()));
            return Optional.empty();
        }
    }
}
