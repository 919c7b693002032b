package org.veritally.core.tabulate;

/** One ballot line's total, with the candidate it counts for. */
public record ChoiceTotal(String id, String name, String candidateId, long votes) {}
