package org.veritally.server.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.veritally.store.StoreException;
import org.veritally.store.WholeFile;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.Parsed;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.VerifierKey;

/**
 * The log's Ed25519 key, created with the data directory: {@code keys/log.key} (the signer key in
 * C2SP signed-note form, readable by its owner only) and {@code keys/log.vkey} (the verifier key,
 * {@code name+keyid+base64}, which parties and observers pin). The key name is the log's origin
 * line; it defaults to {@code veritally.local/log-<8 hex>} and can be set once with the environment
 * variable {@code VERITALLY_ORIGIN} when the directory is created. Immutable.
 */
public record LogKeys(NoteSigner signer) {
    public static final String DIR = "keys";

    public String origin() {
        return signer.name();
    }

    public VerifierKey verifierKey() {
        return signer.verifierKey();
    }

    /** Loads the keys of a data directory, creating them on first use. */
    public static LogKeys loadOrCreate(Path dataDir) {
        return loadOrCreate(dataDir, java.util.Optional.empty());
    }

    /**
     * As {@link #loadOrCreate(Path)}, for a database whose log may already be signed: with
     * {@code latestCheckpoint} (the signed note of its largest tree size) present, refuses (LOG-KEY)
     * to create a key — a new key would sign checkpoints no verifier or witness of this log accepts —
     * and refuses a key that did not sign that checkpoint (another instance's directory, another log).
     */
    public static LogKeys loadOrCreate(Path dataDir, java.util.Optional<String> latestCheckpoint) {
        Path dir = dataDir.resolve(DIR);
        Path key = dir.resolve("log.key");
        if (!Files.exists(key) && latestCheckpoint.isPresent()) {
            throw new StoreException(
                    RULE,
                    RULE + ": " + dataDir + " has no log key (" + key
                            + "), but the database already holds a log signed as '" + origin(latestCheckpoint.get())
                            + "': copy keys/ from the data directory that created it (a new key would "
                            + "sign checkpoints no one can verify)",
                    null);
        }
        return check(loadOrCreateFile(dir, key), latestCheckpoint);
    }

    /** {@code keys}, if they signed {@code latestCheckpoint} (when there is one); else LOG-KEY. */
    public static LogKeys check(LogKeys keys, java.util.Optional<String> latestCheckpoint) {
        if (latestCheckpoint.isPresent()
                && SignedCheckpoint.open(latestCheckpoint.get(), keys.origin(), keys.verifierKey())
                        instanceof Parsed.Invalid<SignedCheckpoint>) {
            throw new StoreException(
                    RULE,
                    RULE + ": the log key '" + keys.origin() + "' did not sign this database's log (signed as '"
                            + origin(latestCheckpoint.get())
                            + "'): use the keys/ of the data directory that created it",
                    null);
        }
        return keys;
    }

    /** The stable ID of the refusal above (docs/operations.md). */
    public static final LogRule RULE = LogRule.LOG_KEY;

    private static String origin(String note) {
        int nl = note.indexOf('\n');
        return nl < 0 ? note : note.substring(0, nl);
    }

    private static LogKeys loadOrCreateFile(Path dir, Path key) {
        try {
            if (!Files.exists(key)) {
                org.veritally.store.OwnerOnly.directories(dir);
                String origin = System.getenv().getOrDefault("VERITALLY_ORIGIN", "");
                if (origin.isBlank()) {
                    byte[] r = new byte[4];
                    new SecureRandom().nextBytes(r);
                    origin = "veritally.local/log-" + HexFormat.of().formatHex(r);
                }
                NoteSigner s = NoteSigner.generate(origin, VerifierKey.TYPE_ED25519);
                // the verifier key first: once log.key exists, both are whole (a full disk leaves no half file)
                WholeFile.write(
                        dir.resolve("log.vkey"),
                        false,
                        (s.verifierKey().encode() + "\n").getBytes(StandardCharsets.UTF_8));
                WholeFile.write(key, true, (s.encode() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            var parsed = NoteSigner.parse(Files.readString(key).strip());
            if (parsed instanceof Parsed.Ok<NoteSigner> ok) return new LogKeys(ok.value());
            throw new StoreException(
                    "the log key in " + key + " is malformed: " + ((Parsed.Invalid<NoteSigner>) parsed).problems(),
                    null);
        } catch (IOException e) {
            throw new StoreException("cannot read or create the log key in " + dir + ": " + e.getMessage(), e);
        }
    }
}
