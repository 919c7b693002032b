package org.veritally.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veritally keygen}: an Ed25519 key pair for a witness or observer to sign its sheets with. */
@Command(name = "keygen", description = "Create an Ed25519 signing key (file readable by its owner only) and print its verifier key.")
final class KeygenCommand implements Callable<Integer> {
  @Option(names = "--name", required = true, description = "key name, e.g. the account id") String name;
  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(out)) throw new IllegalArgumentException(out + " exists; not overwriting a key");
    NoteSigner s = NoteSigner.generate(name, VerifierKey.TYPE_ED25519);
    Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(out, s.encode() + "\n");
    Files.writeString(Path.of(out + ".vkey"), s.verifierKey().encode() + "\n");
    System.out.println("signing key: " + out + " (keep it secret); verifier key (" + out + ".vkey):");
    System.out.println(s.verifierKey().encode());
    return Main.OK;
  }
}
