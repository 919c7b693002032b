package org.veritally.web.model;

/** A candidate's votes in a unit; its share is of the valid votes. */
public record CandidateLine(String id, String name, long votes) {}
