package org.veritally.web.model;

import java.util.List;

/**
 * One child unit in its parent's table: coverage, valid votes, and the votes of the parent's
 * column candidates (same order as {@link UnitPage#columns()}).
 */
public record ChildRow(String unitId, String name, Coverage coverage, long valid, List<Long> votes) {
    public ChildRow {
        votes = List.copyOf(votes);
    }
}
