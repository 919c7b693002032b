package org.veritally.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.veritally.store.WholeFile;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veritally keygen}: an Ed25519 key pair for a witness or observer to sign its sheets with. */
@Command(
        name = "keygen",
        description = "Create an Ed25519 signing key (file readable by its owner only) and print its verifier key.")
final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "key name, e.g. the account id")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) throw new UsageError(out + " exists; not overwriting a key");
        NoteSigner s = NoteSigner.generate(name, VerifierKey.TYPE_ED25519);
        WholeFile.write(
                Path.of(out + ".vkey"), false, (s.verifierKey().encode() + "\n").getBytes(StandardCharsets.UTF_8));
        WholeFile.write(out, true, (s.encode() + "\n").getBytes(StandardCharsets.UTF_8));
        System.out.println("signing key: " + out + " (keep it secret); verifier key (" + out + ".vkey):");
        System.out.println(s.verifierKey().encode());
        return Main.OK;
    }
}
