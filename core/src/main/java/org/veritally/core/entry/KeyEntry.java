package org.veritally.core.entry;

/**
 * Registers an account's public key (a C2SP signed-note verifier key) for a source: from this entry
 * on, that account's sheets are signed and the signature is checked by everyone who replays the log.
 */
public record KeyEntry(String account, String source, String verifierKey) implements Entry {
    public String kind() {
        return "key";
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.key(this);
    }
}
