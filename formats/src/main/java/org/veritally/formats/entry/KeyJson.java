package org.veritally.formats.entry;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.RevocationEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.Fields;

/**
 * JSON form of the {@code key} and {@code revocation} entries (docs/log-format.md §1.5, §1.8). A key:
 * {@code {account, source?, key, time?, endorser?, endorsement?}} ({@code source} absent for an account key,
 * {@link KeyEntry#ofAccount()}), {@code endorser} and {@code
 * endorsement} together or not at all; the endorsement is the Ed25519 signature (standard base64) of
 * the endorser's live key over the canonical entry without {@code endorsement} ({@link
 * #signedMessage}). A revocation: {@code {account, source?, time, reason}}. Stateless and thread-safe.
 */
public final class KeyJson {
    private KeyJson() {}

    public static byte[] encode(KeyEntry k) {
        Map<String, Object> m = tree(k);
        k.endorsement().ifPresent(e -> m.put("endorsement", Base64.getEncoder().encodeToString(e.signature())));
        return CanonicalJson.encode(m);
    }

    /** The bytes an endorser signs: the canonical key entry without {@code endorsement}, with {@code endorser}. */
    public static byte[] signedMessage(KeyEntry k, String endorser) {
        Map<String, Object> m = tree(k);
        m.put("endorser", endorser);
        return CanonicalJson.encode(m);
    }

    private static Map<String, Object> tree(KeyEntry k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "key");
        m.put("v", 1L);
        m.put("account", k.account());
        if (!k.ofAccount()) m.put("source", k.source()); // an account key has no source
        m.put("key", k.verifierKey());
        k.time().ifPresent(t -> m.put("time", t));
        k.endorsement().ifPresent(e -> m.put("endorser", e.signer()));
        return m;
    }

    /**
     * Reads a key's members from {@code f} (kind and v are the caller's; so is {@code end()}): the
     * entry, or empty with the problems added.
     */
    public static Optional<KeyEntry> read(Fields f, List<Problem> problems) {
        int before = problems.size();
        String account = f.str("account");
        String source = f.has("source") ? f.str("source") : "";
        if (f.has("source") && source.isEmpty())
            problems.add(new Problem(Rule.IN_FIELD, f.path() + ".source", "an account key omits its source"));
        String key = f.str("key");
        Optional<String> time = f.has("time") ? Optional.of(f.str("time")) : Optional.empty();
        Optional<SheetSignature> endorsement = Optional.empty();
        if (f.has("endorser") || f.has("endorsement")) {
            String endorser = f.str("endorser");
            String b64 = f.str("endorsement");
            try {
                endorsement = Optional.of(
                        new SheetSignature(endorser, Base64.getDecoder().decode(b64)));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.IN_FIELD, f.path() + ".endorsement", "not base64"));
            }
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new KeyEntry(account, source, key, time, endorsement));
    }

    public static byte[] encode(RevocationEntry r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "revocation");
        m.put("v", 1L);
        m.put("account", r.account());
        if (!r.ofAccount()) m.put("source", r.source()); // an account key's revocation has no source
        m.put("time", r.time());
        m.put("reason", r.reason());
        return CanonicalJson.encode(m);
    }

    /** Reads a revocation's members from {@code f} (as {@link #read}). */
    public static Optional<RevocationEntry> readRevocation(Fields f, List<Problem> problems) {
        int before = problems.size();
        String account = f.str("account");
        String source = f.has("source") ? f.str("source") : "";
        if (f.has("source") && source.isEmpty())
            problems.add(new Problem(Rule.IN_FIELD, f.path() + ".source", "an account key's revocation omits it"));
        String time = f.str("time");
        String reason = f.str("reason");
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new RevocationEntry(account, source, time, reason));
    }
}
