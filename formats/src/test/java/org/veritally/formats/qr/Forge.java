package org.veritally.formats.qr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Builds boletim payloads with a correct hash chain over given contents, signed by a test key or unsigned: what
 * anyone can do, and why a hash alone proves nothing. Test code only.
 */
final class Forge {
    private Forge() {}

    /** A deterministic Ed25519 key pair from {@code seed}. */
    static KeyPair keyPair(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, r);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 32 raw bytes of an Ed25519 public key (the end of its X.509 encoding). */
    static byte[] raw(KeyPair k) {
        byte[] x509 = k.getPublic().getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    /** The payloads of a boletim of {@code contents.size()} parts, VRQR 1.5 and VRCH 20180618. */
    static List<String> payloads(List<String> contents, Optional<KeyPair> signer) {
        List<String> out = new ArrayList<>();
        String chain = "";
        int n = contents.size();
        for (int k = 1; k <= n; k++) {
            String c = contents.get(k - 1);
            String input = k == 1 ? c : chain + " " + c;
            byte[] h = HashChain.sha512().digest(input.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().withUpperCase().formatHex(h);
            chain = input + " HASH:" + hex;
            String p = "QRBU:" + k + ":" + n + " VRQR:1.5 VRCH:20180618 " + c + " HASH:" + hex;
            if (k == n && signer.isPresent())
                p += " ASSI:" + HexFormat.of().withUpperCase().formatHex(sign(signer.get(), h));
            out.add(p);
        }
        return out;
    }

    static byte[] sign(KeyPair k, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(k.getPrivate());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content of a payload: between its header and HASH. */
    static String content(String payload) {
        return BuSamples.part(payload, "forge").content();
    }
}
