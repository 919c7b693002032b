package org.veritally.core.model;

/**
 * One ballot line of a contest: a candidate on a given party card. In Venezuela 2024 Maduro stood on
 * 13 cards and González on 3, so several choices map to one candidate. Immutable.
 *
 * @param id stable identifier, unique within the contest
 * @param name the line as printed (party name, or the candidate's name where there is one line)
 * @param candidateId the candidate this line counts for
 */
public record Choice(String id, String name, String candidateId) {
    public Choice {
        Ids.require(id, "choice id");
        Ids.require(candidateId, "candidate id of choice " + id);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("choice name is blank");
    }
}
