package org.veritally.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.core.entry.KeyEntry;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.entry.KeyJson;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.Parsed;
import org.veritally.translog.VerifierKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code veritally endorse-key}: on the key holder's own machine, signs a new key of the same source
 * with a live key (a rotation, or a second account of the source): the endorsement covers the
 * canonical key entry without {@code endorsement} (docs/log-format.md §1.5). Prints the body of {@code
 * POST /api/keys} ({@code account, key, endorser, endorsement}), which {@code accounts key --endorsed}
 * also reads. The old key never leaves that machine; the operator cannot make one up (KEY-ROTATE). Without
 * {@code --source} it endorses an account key (docs/accounts.md): the account's own live key signs its new one.
 */
@Command(
        name = "endorse-key",
        description = "Endorse a new key of your source with your live key; prints the body for POST /api/keys.")
final class EndorseKeyCommand implements Callable<Integer> {
    @Option(names = "--key", required = true, paramLabel = "FILE", description = "the live signing key (keygen)")
    Path key;

    @Option(names = "--endorser", required = true, description = "the account that holds the live key")
    String endorser;

    @Option(names = "--account", required = true, description = "the account the new key is for")
    String account;

    @Option(
            names = "--source",
            description = "the source of both accounts; omitted for an account key (an account bound to no source,"
                    + " which endorses its own new key)")
    Optional<String> source;

    @Option(
            names = "--public-key",
            required = true,
            paramLabel = "VKEY|FILE",
            description = "the new verifier key (keygen's .vkey)")
    String publicKey;

    @Override
    public Integer call() throws Exception {
        if (!(NoteSigner.parse(Files.readString(key).strip()) instanceof Parsed.Ok<NoteSigner> signer)) {
            throw new UsageError(key + " is not a signing key");
        }
        VerifierKey vk = AccountsCommand.key(Optional.of(publicKey)).orElseThrow();
        KeyEntry entry = new KeyEntry(account, source.orElse(""), vk.encode());
        byte[] sig = signer.value().signBytes(KeyJson.signedMessage(entry, endorser));
        var m = new LinkedHashMap<String, Object>();
        m.put("account", account);
        m.put("key", vk.encode());
        m.put("endorser", endorser);
        m.put("endorsement", Base64.getEncoder().encodeToString(sig));
        System.out.println(new String(CanonicalJson.encode(m), StandardCharsets.UTF_8));
        return Main.OK;
    }
}
