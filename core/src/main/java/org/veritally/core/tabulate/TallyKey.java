package org.veritally.core.tabulate;

/** Addresses one {@link Tally}: contest index × source index × unit index. */
public record TallyKey(int contest, int source, int unit) {}
