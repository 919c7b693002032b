package org.veritally.core.entry;

import org.veritally.core.model.Election;

/** Defines the election: contests, choices, candidates, hierarchy levels. Always entry 0. */
public record ElectionEntry(Election election) implements Entry {
    public String kind() {
        return "election";
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.election(this);
    }
}
