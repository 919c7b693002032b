package org.veritally.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The candidates of one contest, in the order of {@link StationCounts#votesPerCandidate()}.
 *
 * <p>Invariants: {@code ids} and {@code names} have the same size, at least one entry, and the ids are
 * distinct. Immutable and thread-safe.
 *
 * @param ids short stable ids (for example {@code EG}, {@code NM})
 * @param names display names
 */
public record CandidateSet(List<String> ids, List<String> names) {

    /** @throws IllegalArgumentException if sizes differ, the set is empty or an id repeats */
    public CandidateSet {
        ids = List.copyOf(ids);
        names = List.copyOf(names);
        if (ids.isEmpty() || ids.size() != names.size()) {
            throw new IllegalArgumentException("ids and names must be non-empty and of equal size");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("candidate ids repeat: " + ids);
        }
    }

    /** A set whose names are its ids. */
    public static CandidateSet ofIds(String... ids) {
        return new CandidateSet(List.of(ids), List.of(ids));
    }

    /** The number of candidates. */
    public int size() {
        return ids.size();
    }

    /** The id of candidate {@code index}. */
    public String id(int index) {
        return ids.get(index);
    }

    /** The display name of candidate {@code index}. */
    public String name(int index) {
        return names.get(index);
    }

    /**
     * The index of {@code id}.
     *
     * @throws IllegalArgumentException if there is no such candidate
     */
    public int indexOf(String id) {
        int i = ids.indexOf(Objects.requireNonNull(id));
        if (i < 0) {
            throw new IllegalArgumentException("no candidate " + id);
        }
        return i;
    }
}
