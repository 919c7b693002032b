package org.veritally.server.intake;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.validation.Problem;
import org.veritally.store.Store;
import org.veritally.store.Tx;

/**
 * What recording one entry (an announcement, a key) came to: every problem with its rule ID (empty
 * when recorded), the entry's log index ({@code -1} when rejected), and whether the same entry was
 * already in the log ({@code idempotent}: nothing appended). Immutable.
 */
public record EntryResult(List<Problem> problems, long index, boolean idempotent, List<Problem> flags) {
    public EntryResult {
        problems = List.copyOf(problems);
        flags = List.copyOf(flags);
    }

    public EntryResult(List<Problem> problems, long index, boolean idempotent) {
        this(problems, index, idempotent, List.of());
    }

    static EntryResult rejected(List<Problem> problems) {
        return new EntryResult(problems, -1, false);
    }

    /**
     * For a result that appends nothing: commits what {@code alongside} derives from it in a
     * transaction of its own (there is no append to join), and returns it.
     */
    EntryResult commitAlone(Store store, Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        alongside.ifPresent(a -> store.write(tx -> {
            a.apply(this).accept(tx);
            return null;
        }));
        return this;
    }
}
