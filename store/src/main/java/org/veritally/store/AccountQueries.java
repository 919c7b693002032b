package org.veritally.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the private {@code account} table (written with {@link Tx#putAccount} and {@link
 * Tx#updateAccount}). Token hashes are only compared, never returned. Thread-safe.
 */
public final class AccountQueries {
    /**
     * An account row: its role and source as stored, its verifier key ({@code ""} for none), when it was revoked (0:
     * not revoked).
     */
    public record AccountRow(String id, String role, String source, String publicKey, long revokedMs) {}

    private static final String COLUMNS = "SELECT id, role, source, public_key, revoked_ms FROM account";
    private final Store store;

    public AccountQueries(Store store) {
        this.store = store;
    }

    /** The account whose token hashes to {@code tokenHash} (unique), revoked or not. */
    public Optional<AccountRow> byTokenHash(byte[] tokenHash) {
        return first(COLUMNS + " WHERE token_hash = ?", tokenHash);
    }

    public Optional<AccountRow> byId(String id) {
        return first(COLUMNS + " WHERE id = ?", id);
    }

    /** Every account, in id order. */
    public List<AccountRow> all() {
        List<AccountRow> out = new ArrayList<>();
        store.query(COLUMNS + " ORDER BY id", List.of(), rs -> out.add(row(rs)));
        return out;
    }

    private Optional<AccountRow> first(String sql, Object key) {
        List<AccountRow> out = new ArrayList<>(1);
        store.query(sql, List.of(key), rs -> out.add(row(rs)));
        return out.stream().findFirst();
    }

    private static AccountRow row(java.sql.ResultSet rs) {
        return new AccountRow(
                Store.getString(rs, 1),
                Store.getString(rs, 2),
                Store.getString(rs, 3),
                Store.getString(rs, 4),
                Store.getLong(rs, 5));
    }
}
