package org.veritally.core.tabulate;

/** A candidate's total: the sum over all of its ballot lines. */
public record CandidateTotal(String id, String name, long votes) {}
