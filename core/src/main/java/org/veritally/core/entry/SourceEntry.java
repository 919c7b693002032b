package org.veritally.core.entry;

import org.veritally.core.model.Source;

/** Declares a source (the authority, a party's witnesses, an observer organisation). */
public record SourceEntry(Source source) implements Entry {
    public String kind() {
        return "source";
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.source(this);
    }
}
