package org.veritally.core.entry;

import java.util.Optional;

/**
 * Registers an account's public key (a C2SP signed-note verifier key) for a source: from this entry
 * on, that account's sheets are signed and the signature is checked by everyone who replays the log.
 *
 * <p>Once a source has a live key, a new key of that source counts only with an {@code endorsement}:
 * a signature by a live key of the same source (its {@code signer} is the endorsing account) over the
 * canonical entry without the {@code endorsement} member (docs/log-format.md §1.5, rule KEY-ROTATE).
 * An unendorsed key carries the {@code time} the server wrote it (RFC 3339, UTC): after a {@link
 * RevocationEntry} it counts only once the election's cooling-off period has passed (KEY-COOL).
 *
 * <p>An <em>account key</em> ({@link #ofAccount()}: {@code source} is {@code ""}, the member is absent on the
 * wire) is the key of an account bound to no source (a transcriber, a moderator, an auditor): it signs that
 * account's transcription work (TR-SIGN), and its scope for KEY-ROTATE and KEY-COOL is the account itself
 * (docs/accounts.md, docs/log-format.md §1.5). A source id is never empty, so the two cannot be confused.
 * Immutable.
 */
public record KeyEntry(
        String account, String source, String verifierKey, Optional<String> time, Optional<SheetSignature> endorsement)
        implements Entry {
    /** An unendorsed key without a time (a source's first key, as logs before rotation wrote it). */
    public KeyEntry(String account, String source, String verifierKey) {
        this(account, source, verifierKey, Optional.empty(), Optional.empty());
    }

    /** An unendorsed account key (no source) without a time. */
    public static KeyEntry forAccount(String account, String verifierKey) {
        return new KeyEntry(account, "", verifierKey);
    }

    /** Whether this is an account key: the key of an account bound to no source. */
    public boolean ofAccount() {
        return source.isEmpty();
    }

    public String kind() {
        return "key";
    }

    /** This entry with {@code time}. */
    public KeyEntry at(String time) {
        return new KeyEntry(account, source, verifierKey, Optional.of(time), endorsement);
    }

    /** This entry endorsed by {@code endorsement}. */
    public KeyEntry endorsed(SheetSignature endorsement) {
        return new KeyEntry(account, source, verifierKey, time, Optional.of(endorsement));
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.key(this);
    }
}
