package org.veritally.core.entry;

/**
 * Revokes an account's key, publicly: from this entry on, the key signs nothing (AUTH-SIG), and a new
 * key of the source that no live key endorses counts only once the election's cooling-off period has
 * passed since {@code time} (KEY-COOL), so that the source's party sees the revocation (the source's
 * page, {@code watch}) before anyone can sign in its name. {@code time} is when the server wrote it
 * (RFC 3339, UTC); {@code reason} is free text. {@code source} is {@code ""} for an account key ({@link
 * KeyEntry#ofAccount()}; absent on the wire). Immutable.
 */
public record RevocationEntry(String account, String source, String time, String reason) implements Entry {
    /** Whether this revokes an account key (no source). */
    public boolean ofAccount() {
        return source.isEmpty();
    }

    public String kind() {
        return "revocation";
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.revocation(this);
    }
}
