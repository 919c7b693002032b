package org.veritally.core.entry;

/**
 * The signature of a sheet entry: the account that signed ({@code signer}) and its Ed25519
 * signature over the canonical entry without the {@code signature} member (docs/log-format.md §1.4).
 * Immutable.
 */
public record SheetSignature(String signer, byte[] signature) {
    public SheetSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SheetSignature s
                && signer.equals(s.signer)
                && java.util.Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return signer.hashCode() * 31 + java.util.Arrays.hashCode(signature);
    }
}
