package org.veritally.formats.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;

/**
 * The vote columns of the wide CSVs: one per ballot line (choice id) of every contest, contests in
 * election order and lines in ballot order, as in the {@code csv} import format. A row fills the
 * columns of its contest and leaves the others empty. Immutable.
 */
final class ChoiceColumns {
    private final List<String> names = new ArrayList<>();
    private final Map<String, int[]> columnOf = new HashMap<>();

    /**
     * @throws IllegalArgumentException when a choice id repeats across contests or equals a fixed
     *     column, since the header would then be ambiguous
     */
    ChoiceColumns(Election e, List<String> fixedColumns) {
        var seen = new java.util.HashSet<>(fixedColumns);
        for (Contest c : e.contests()) {
            int[] cols = new int[c.choices().size()];
            for (int i = 0; i < cols.length; i++) {
                String id = c.choices().get(i).id();
                if (!seen.add(id))
                    throw new IllegalArgumentException("choice id '" + id + "' of contest " + c.id()
                            + " repeats a column name; the wide CSV needs distinct names");
                cols[i] = names.size();
                names.add(id);
            }
            columnOf.put(c.id(), cols);
        }
    }

    List<String> names() {
        return names;
    }

    /** Appends the vote cells of a row of {@code contestId}: its lines' votes, other contests' empty. */
    void append(CsvLine line, String contestId, long[] votes) {
        int[] cols = columnOf.get(contestId);
        if (cols == null) throw new IllegalArgumentException("unknown contest " + contestId);
        if (votes.length != cols.length)
            throw new IllegalArgumentException(
                    "contest " + contestId + " has " + cols.length + " lines, row has " + votes.length);
        // a contest's columns are contiguous: empties, its votes, empties
        for (int i = 0; i < cols[0]; i++) line.empty();
        for (long v : votes) line.num(v);
        for (int i = cols[0] + votes.length; i < names.size(); i++) line.empty();
    }

    /** Appends empty vote cells (a row without counts). */
    void appendEmpty(CsvLine line) {
        for (int i = 0; i < names.size(); i++) line.empty();
    }
}
