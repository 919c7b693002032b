package org.veritally.core.rulebook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.RevocationEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.model.Election;
import org.veritally.core.validation.Problem;

/**
 * The {@link Rulebook}'s rules over a source's keys in time ({@link KeyRule}): what a key entry needs
 * beyond a well-formed key of a declared source, and when a revocation may stand. Pure and stateless;
 * reads the {@link KeyRing} of the {@link LedgerView}.
 *
 * <p>A key entry for {@code account} of {@code source}:
 *
 * <ol>
 *   <li>with an endorsement: the endorser has a live key of the same source and the endorsement
 *       verifies with it (KEY-ROTATE);
 *   <li>without one, while the source has a live key: refused (KEY-ROTATE) — the operator cannot swap
 *       a witness's key;
 *   <li>without one, after the source's keys were all revoked: its time is at least the latest
 *       revocation's time plus the election's cooling-off period (KEY-COOL);
 *   <li>without one, for a source that never had a key: accepted (the first key, in public);
 *   <li>any time it carries is a time in the one RFC 3339 form, not before the latest key time (KEY-TIME).
 * </ol>
 *
 * <p>An account key (no source, {@link KeyEntry#ofAccount()}) follows the same rules with the account as its
 * scope: endorsed only by the account's own live key, unendorsed only when the account has no live key, and
 * after a revocation of it only past the cooling-off period. An account holds keys of one kind: a key of the
 * other kind while it has a live key is KEY-ROTATE, and an unendorsed source key for an account whose account
 * key was revoked waits for the cooling-off period too, so the operator cannot swap a volunteer's key either.
 */
final class KeyRules {
    private KeyRules() {}

    /** The problems of key entry {@code k}; {@code endorsementVerifies} checks the endorsement with a key. */
    static List<Problem> key(
            LedgerView ledger, KeyEntry k, java.util.function.Predicate<String> endorsementVerifies, String where) {
        List<Problem> out = new ArrayList<>(0);
        KeyRing ring = ledger.keys();
        Optional<Instant> time = Optional.empty();
        if (k.time().isPresent()) {
            time = time(ring, k.time().get(), where, out);
        }
        Optional<KeyRing.Live> own = ring.live(k.account());
        if (own.isPresent() && own.get().entry().ofAccount() != k.ofAccount()) {
            out.add(new Problem(
                    KeyRule.KEY_ROTATE,
                    where + " source",
                    "account '" + k.account() + "' holds a live "
                            + scope(own.get().entry()) + " (entry " + own.get().index()
                            + "): an account holds keys of one kind; revoke it first"));
            return out;
        }
        if (k.ofAccount()) {
            accountKey(ledger, k, own, time, endorsementVerifies, where, out);
            return out;
        }
        if (k.endorsement().isPresent()) {
            SheetSignature e = k.endorsement().get();
            Optional<KeyRing.Live> endorser = ring.live(e.signer());
            if (endorser.isEmpty()) {
                out.add(new Problem(
                        KeyRule.KEY_ROTATE,
                        where + " endorser",
                        "endorser '" + e.signer() + "' has no live key"
                                + ring.revoked(e.signer())
                                        .map(r -> " (revoked at entry " + r.index() + ")")
                                        .orElse("")));
            } else if (!endorser.get().entry().source().equals(k.source())) {
                out.add(Problem.mismatch(
                        KeyRule.KEY_ROTATE,
                        where + " endorser",
                        "endorser '" + e.signer() + "' holds a key of another source",
                        k.source(),
                        endorser.get().entry().source()));
            } else if (!endorsementVerifies.test(endorser.get().entry().verifierKey())) {
                out.add(new Problem(
                        KeyRule.KEY_ROTATE,
                        where + " endorsement",
                        "the endorsement does not verify with " + e.signer() + "'s key (entry "
                                + endorser.get().index() + ")"));
            }
            return out;
        }
        List<String> holders = ring.liveAccounts(k.source());
        if (!holders.isEmpty()) {
            out.add(new Problem(
                    KeyRule.KEY_ROTATE,
                    where + " endorsement",
                    "source '" + k.source() + "' has a live key (" + String.join(", ", holders)
                            + "): a new key needs an endorsement signed by one of them, or their revocation "
                            + "and the cooling-off period"));
            return out;
        }
        // the source's keys revoked, or the account's own account key: either way its holder gets the period to object
        Optional<Instant> revokedAt = latest(ring.lastRevocation(k.source()), ring.lastAccountRevocation(k.account()));
        cool(ledger, k, revokedAt, time, "source '" + k.source() + "'", where, out);
        return out;
    }

    /**
     * An account key (no source): its scope is the account itself. Endorsed, the endorser is the account
     * with its live account key (a rotation); unendorsed, the account has no live key, and after a
     * revocation of its key the cooling-off period has passed (KEY-ROTATE, KEY-COOL).
     */
    private static void accountKey(
            LedgerView ledger,
            KeyEntry k,
            Optional<KeyRing.Live> own,
            Optional<Instant> time,
            java.util.function.Predicate<String> endorsementVerifies,
            String where,
            List<Problem> out) {
        KeyRing ring = ledger.keys();
        if (k.endorsement().isPresent()) {
            String endorser = k.endorsement().get().signer();
            if (!endorser.equals(k.account())) {
                out.add(Problem.mismatch(
                        KeyRule.KEY_ROTATE,
                        where + " endorser",
                        "an account key is endorsed by the account itself",
                        k.account(),
                        endorser));
            } else if (own.isEmpty()) {
                out.add(new Problem(
                        KeyRule.KEY_ROTATE,
                        where + " endorser",
                        "account '" + endorser + "' has no live key"
                                + ring.revoked(endorser)
                                        .map(r -> " (revoked at entry " + r.index() + ")")
                                        .orElse("")));
            } else if (!endorsementVerifies.test(own.get().entry().verifierKey())) {
                out.add(new Problem(
                        KeyRule.KEY_ROTATE,
                        where + " endorsement",
                        "the endorsement does not verify with " + endorser + "'s key (entry "
                                + own.get().index() + ")"));
            }
            return;
        }
        if (own.isPresent()) {
            out.add(new Problem(
                    KeyRule.KEY_ROTATE,
                    where + " endorsement",
                    "account '" + k.account() + "' has a live key (entry "
                            + own.get().index()
                            + "): a new key needs its endorsement, or its revocation and the cooling-off period"));
            return;
        }
        cool(ledger, k, ring.lastAccountRevocation(k.account()), time, "account '" + k.account() + "'", where, out);
    }

    /** KEY-COOL: an unendorsed key after a revocation at {@code revokedAt} needs a time past the cooling-off period. */
    private static void cool(
            LedgerView ledger,
            KeyEntry k,
            Optional<Instant> revokedAt,
            Optional<Instant> time,
            String whose,
            String where,
            List<Problem> out) {
        if (revokedAt.isEmpty()) return;
        Election el = ledger.election().orElseThrow();
        Instant from = revokedAt.get().plus(Duration.ofHours(el.keyCoolingOffHours()));
        if (k.time().isEmpty()) {
            out.add(new Problem(
                    KeyRule.KEY_COOL,
                    where + " time",
                    whose + " had its keys revoked; an unendorsed key needs a time"));
        } else if (time.isPresent() && time.get().isBefore(from)) {
            out.add(Problem.mismatch(
                    KeyRule.KEY_COOL,
                    where + " time",
                    whose + " had its keys revoked at " + KeyRing.format(revokedAt.get())
                            + "; an unendorsed key counts after the cooling-off period of "
                            + el.keyCoolingOffHours() + " h",
                    "at or after " + KeyRing.format(from),
                    k.time().get()));
        }
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a.get().isAfter(b.get()) ? a : b;
    }

    /** "account key" or "key of source 'S'". */
    private static String scope(KeyEntry k) {
        return k.ofAccount() ? "account key" : "key of source '" + k.source() + "'";
    }

    /** The problems of revocation {@code r}. */
    static List<Problem> revocation(LedgerView ledger, RevocationEntry r, String where) {
        List<Problem> out = new ArrayList<>(0);
        KeyRing ring = ledger.keys();
        time(ring, r.time(), where, out);
        Optional<KeyRing.Live> key = ring.live(r.account());
        if (key.isEmpty()) {
            out.add(new Problem(
                    KeyRule.KEY_REVOKE,
                    where + " account",
                    "account '" + r.account() + "' has no live key to revoke"
                            + ring.revoked(r.account())
                                    .map(x -> " (revoked at entry " + x.index() + ")")
                                    .orElse("")));
        } else if (!key.get().entry().source().equals(r.source())) {
            out.add(Problem.mismatch(
                    KeyRule.KEY_REVOKE,
                    where + " source",
                    "account '" + r.account() + "' holds a key of another source",
                    key.get().entry().source(),
                    r.source()));
        }
        return out;
    }

    /** KEY-TIME: {@code text} as an instant not before the latest key time; adds the problem otherwise. */
    private static Optional<Instant> time(KeyRing ring, String text, String where, List<Problem> out) {
        Optional<Instant> t = KeyRing.instant(text);
        if (t.isEmpty()) {
            out.add(new Problem(
                    KeyRule.KEY_TIME, where + " time", "'" + text + "' is not a UTC time like 2026-12-07T13:00:00Z"));
        } else if (ring.lastTime().isPresent()
                && t.get().isBefore(ring.lastTime().get())) {
            out.add(Problem.mismatch(
                    KeyRule.KEY_TIME,
                    where + " time",
                    "key times never go back",
                    "at or after " + KeyRing.format(ring.lastTime().get()),
                    text));
        }
        return t;
    }
}
