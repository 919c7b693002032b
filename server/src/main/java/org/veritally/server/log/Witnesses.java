package org.veritally.server.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.veritally.store.StoreException;
import org.veritally.translog.Parsed;
import org.veritally.translog.VerifierKey;

/**
 * The witnesses whose cosignatures the log gathers: {@code DATA/witnesses}, one C2SP cosignature
 * verifier key ({@code name+keyid+base64}, key type 0x04) per line; {@code #} starts a comment.
 * Absent file: no witnesses. Immutable.
 */
public record Witnesses(List<VerifierKey> keys) {
    public static final String FILE = "witnesses";

    public Witnesses {
        keys = List.copyOf(keys);
    }

    public static Witnesses load(Path dataDir) {
        Path f = dataDir.resolve(FILE);
        if (!Files.exists(f)) return new Witnesses(List.of());
        try {
            List<VerifierKey> out = new ArrayList<>();
            int n = 0;
            for (String line : Files.readAllLines(f)) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (VerifierKey.parse(t) instanceof Parsed.Ok<VerifierKey> ok) out.add(ok.value());
                else throw new StoreException(f + ":" + n + ": not a verifier key", null);
            }
            return new Witnesses(out);
        } catch (IOException e) {
            throw new StoreException("cannot read " + f, e);
        }
    }
}
