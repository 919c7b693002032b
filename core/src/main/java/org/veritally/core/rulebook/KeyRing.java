package org.veritally.core.rulebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.RevocationEntry;

/**
 * The keys the log has registered and revoked so far, as the {@link Rulebook} reads them: each
 * account's live key, each source's history of keys and revocations, and the latest key time. Every
 * side that replays the log (the sequencer's state, the rebuild, followers, {@code verify}) keeps one
 * and feeds it the key and revocation entries the rulebook accepted, in log order. Account keys (a key
 * of no source, {@link KeyEntry#ofAccount()}) are live keys like any other; their revocations are kept per
 * account ({@link #lastAccountRevocation}), and they are in no source's history. Thread-safe (every
 * method takes the ring's monitor; readers of a source's page may run beside the writer).
 */
public final class KeyRing {
    /** A key entry and its log index. */
    public record Live(long index, KeyEntry entry) {}

    /** A revocation entry and its log index. */
    public record Revoked(long index, RevocationEntry entry) {}

    /** One event of a source's key history: a key or a revocation entry, with its index. */
    public record Event(long index, Entry entry) {}

    private final Map<String, Live> live = new HashMap<>();
    private final Map<String, Revoked> revoked = new HashMap<>();
    private final Set<String> signing = new HashSet<>();
    private final Map<String, Instant> lastRevocation = new HashMap<>();
    private final Map<String, Instant> lastAccountRevocation = new HashMap<>();
    private final Map<String, Long> firstKey = new HashMap<>();
    private final Map<String, List<Event>> history = new HashMap<>();
    private Optional<Instant> lastTime = Optional.empty();

    /** Records a key entry the rulebook accepted at {@code index}. */
    public synchronized void add(long index, KeyEntry k) {
        live.put(k.account(), new Live(index, k));
        revoked.remove(k.account());
        firstKey.putIfAbsent(k.account(), index);
        if (!k.ofAccount()) {
            signing.add(k.source());
            history.computeIfAbsent(k.source(), s -> new ArrayList<>()).add(new Event(index, k));
        }
        k.time().flatMap(KeyRing::instant).ifPresent(this::advance);
    }

    /** Records a revocation entry the rulebook accepted at {@code index}. */
    public synchronized void revoke(long index, RevocationEntry r) {
        live.remove(r.account());
        revoked.put(r.account(), new Revoked(index, r));
        if (!r.ofAccount())
            history.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(new Event(index, r));
        instant(r.time()).ifPresent(t -> {
            (r.ofAccount() ? lastAccountRevocation : lastRevocation)
                    .merge(r.ofAccount() ? r.account() : r.source(), t, (a, b) -> a.isAfter(b) ? a : b);
            advance(t);
        });
    }

    /**
     * Records a key or revocation entry the rulebook accepted at {@code index}.
     *
     * @throws IllegalArgumentException for an entry of another kind
     */
    public void record(long index, Entry e) {
        if (e instanceof KeyEntry k) add(index, k);
        else if (e instanceof RevocationEntry r) revoke(index, r);
        else throw new IllegalArgumentException("not a key or revocation entry: " + e.kind());
    }

    private void advance(Instant t) {
        if (lastTime.isEmpty() || t.isAfter(lastTime.get())) lastTime = Optional.of(t);
    }

    /** The live key of {@code account}: its last key entry, unless revoked since. */
    public synchronized Optional<Live> live(String account) {
        return Optional.ofNullable(live.get(account));
    }

    /** The revocation of {@code account}'s last key, if it is revoked (and no key came after). */
    public synchronized Optional<Revoked> revoked(String account) {
        return Optional.ofNullable(revoked.get(account));
    }

    /** Whether {@code source} ever registered a key: from then on all its sheets are signed. */
    public synchronized boolean signs(String source) {
        return signing.contains(source);
    }

    /**
     * The log index of {@code account}'s first key entry (of a source or not), if it ever had one: from it on,
     * the account signs its transcription work (TR-SIGN), also once the key is revoked.
     */
    public synchronized Optional<Long> firstKey(String account) {
        return Optional.ofNullable(firstKey.get(account));
    }

    /** The time of the latest revocation of {@code account}'s account key (of no source), if it has one. */
    public synchronized Optional<Instant> lastAccountRevocation(String account) {
        return Optional.ofNullable(lastAccountRevocation.get(account));
    }

    /** The accounts of {@code source} with a live key, sorted. */
    public synchronized List<String> liveAccounts(String source) {
        return live.values().stream()
                .filter(l -> l.entry().source().equals(source))
                .map(l -> l.entry().account())
                .sorted()
                .toList();
    }

    /** The time of {@code source}'s latest revocation, if it has one. */
    public synchronized Optional<Instant> lastRevocation(String source) {
        return Optional.ofNullable(lastRevocation.get(source));
    }

    /** The latest time of any key or revocation entry so far. */
    public synchronized Optional<Instant> lastTime() {
        return lastTime;
    }

    /** Every key and revocation entry of {@code source}, in log order. */
    public synchronized List<Event> history(String source) {
        return List.copyOf(history.getOrDefault(source, List.of()));
    }

    /**
     * {@code text} as an instant, if it is an RFC 3339 UTC time to the second in its one form ({@code
     * 2026-12-07T13:00:00Z}: no fraction, no offset other than {@code Z}).
     */
    public static Optional<Instant> instant(String text) {
        try {
            Instant t = Instant.parse(text);
            return t.getNano() == 0 && t.toString().equals(text) ? Optional.of(t) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code t} in the form {@link #instant} reads (truncated to the second). */
    public static String format(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
