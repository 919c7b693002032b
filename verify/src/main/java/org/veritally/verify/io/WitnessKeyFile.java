package org.veritally.verify.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.Parsed;
import org.veritally.translog.VerifierKey;
import org.veritally.verify.LogUnavailableException;

/**
 * A witness's cosignature key pair in its data directory: {@code witness.key} (the signer key, C2SP
 * note form, readable by its owner only) and {@code witness.vkey} (the verifier key the log
 * operator adds to the log's {@code DATA/witnesses}). Created on first use. Immutable.
 *
 * @param signer the witness's key
 * @param created whether this call created it
 */
public record WitnessKeyFile(NoteSigner signer, boolean created) {

    public static final String KEY = "witness.key";
    public static final String VKEY = "witness.vkey";

    /**
     * Loads the key of {@code dir}, creating it with {@code name} (default {@code
     * veritally-witness-<8 hex>}) if there is none.
     *
     * @throws IllegalArgumentException if the key file is not a cosignature key
     */
    public static WitnessKeyFile loadOrCreate(Path dir, String name) {
        Path key = dir.resolve(KEY);
        try {
            if (Files.exists(key)) {
                Parsed<NoteSigner> parsed = NoteSigner.parse(
                        Files.readString(key, StandardCharsets.UTF_8).strip());
                if (!(parsed instanceof Parsed.Ok<NoteSigner> ok)
                        || ok.value().verifierKey().type() != VerifierKey.TYPE_COSIGNATURE) {
                    throw new IllegalArgumentException(
                            key + " is not a witness (cosignature) key: " + parsed.problems());
                }
                return new WitnessKeyFile(ok.value(), false);
            }
            String keyName = name == null || name.isBlank() ? defaultName() : name;
            NoteSigner signer = NoteSigner.generate(keyName, VerifierKey.TYPE_COSIGNATURE);
            Files.createDirectories(dir);
            Path tmp = dir.resolve(KEY + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, signer.encode() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, key, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve(VKEY), signer.verifierKey().encode() + "\n", StandardCharsets.UTF_8);
            return new WitnessKeyFile(signer, true);
        } catch (IOException e) {
            throw new LogUnavailableException(
                    "cannot read or create the witness key in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String defaultName() {
        byte[] r = new byte[4];
        new SecureRandom().nextBytes(r);
        return "veritally-witness-" + HexFormat.of().formatHex(r);
    }
}
