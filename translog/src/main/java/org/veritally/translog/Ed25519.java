package org.veritally.translog;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.util.Optional;

/**
 * RFC 8032 Ed25519 over the JDK's provider, with conversions between the raw 32-byte encodings
 * that signed notes carry and the JDK key objects.
 *
 * <p>The JDK has no "public key from seed" call, so {@link #publicKeyFromSeed} runs the key-pair
 * generator with a random source that yields exactly the seed: the generator draws the 32-byte
 * private key from it and derives the public key as RFC 8032 §5.1.5 prescribes. A raw public key
 * is little-endian {@code y} with the top bit of the last byte holding the parity of {@code x}
 * (RFC 8032 §5.1.2); {@link EdECPoint} wants them apart.
 *
 * <p>Stateless and thread-safe: every call gets its own JDK objects.
 */
final class Ed25519 {

    static final int KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    private Ed25519() {}

    /** The JDK private key for a 32-byte seed. */
    static PrivateKey privateKey(byte[] seed) {
        requireSize(seed, "seed");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build an Ed25519 private key", e);
        }
    }

    /** The raw 32-byte public key of a 32-byte seed. */
    static byte[] publicKeyFromSeed(byte[] seed) {
        requireSize(seed, "seed");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            return rawPublicKey((EdECPublicKey) generator.generateKeyPair().getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot derive an Ed25519 public key", e);
        }
    }

    /** A fresh random 32-byte seed. */
    static byte[] randomSeed() {
        byte[] seed = new byte[KEY_SIZE];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    /** The JDK public key for a raw 32-byte encoding, or empty if it is not a valid point. */
    static Optional<PublicKey> publicKey(byte[] raw) {
        requireSize(raw, "public key");
        byte[] bigEndian = new byte[KEY_SIZE];
        for (int i = 0; i < KEY_SIZE; i++) {
            bigEndian[i] = raw[KEY_SIZE - 1 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        try {
            return Optional.of(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point)));
        } catch (InvalidKeySpecException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** The raw 32-byte encoding of a JDK public key. */
    static byte[] rawPublicKey(EdECPublicKey key) {
        byte[] y = key.getPoint().getY().toByteArray();
        byte[] raw = new byte[KEY_SIZE];
        for (int i = 0; i < KEY_SIZE && i < y.length; i++) {
            raw[i] = y[y.length - 1 - i];
        }
        if (key.getPoint().isXOdd()) {
            raw[KEY_SIZE - 1] |= (byte) 0x80;
        }
        return raw;
    }

    /** The 64-byte signature of {@code message}. */
    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code message}; never throws on bad input. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    private static void requireSize(byte[] b, String what) {
        if (b.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 " + what + " is 32 bytes, got " + b.length);
        }
    }

    /** A random source that yields one seed: how the JDK is made to derive a given key pair. */
    private static final class SeedSource extends SecureRandom {
        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("key generator asked for " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
