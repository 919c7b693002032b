package org.veritally.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One race on the ballot, with its ballot lines ({@link Choice}) in ballot order and its candidates.
 * Every choice names a candidate of this contest. Immutable; the index maps are built once.
 */
public record Contest(String id, String name, List<Choice> choices, List<Candidate> candidates) {
    public Contest {
        Ids.require(id, "contest id");
        choices = List.copyOf(choices);
        candidates = List.copyOf(candidates);
        if (choices.isEmpty()) throw new IllegalArgumentException("contest " + id + " has no choices");
        var cands = new HashMap<String, Integer>();
        for (int i = 0; i < candidates.size(); i++) {
            if (cands.put(candidates.get(i).id(), i) != null) {
                throw new IllegalArgumentException("contest " + id + ": duplicate candidate "
                        + candidates.get(i).id());
            }
        }
        var seen = new HashMap<String, Integer>();
        for (Choice c : choices) {
            if (seen.put(c.id(), 0) != null)
                throw new IllegalArgumentException("contest " + id + ": duplicate choice " + c.id());
            if (!cands.containsKey(c.candidateId())) {
                throw new IllegalArgumentException(
                        "contest " + id + ": choice " + c.id() + " names unknown candidate " + c.candidateId());
            }
        }
    }

    /** Position of a choice in ballot order, or -1. */
    public int choiceIndex(String choiceId) {
        for (int i = 0; i < choices.size(); i++) if (choices.get(i).id().equals(choiceId)) return i;
        return -1;
    }

    /** Position of a candidate, or -1. */
    public int candidateIndex(String candidateId) {
        for (int i = 0; i < candidates.size(); i++) if (candidates.get(i).id().equals(candidateId)) return i;
        return -1;
    }

    /** For each choice (ballot order), the index of its candidate. */
    public int[] candidateOfChoice() {
        int[] out = new int[choices.size()];
        for (int i = 0; i < out.length; i++)
            out[i] = candidateIndex(choices.get(i).candidateId());
        return out;
    }

    public Optional<Choice> choice(String choiceId) {
        int i = choiceIndex(choiceId);
        return i < 0 ? Optional.empty() : Optional.of(choices.get(i));
    }

    /** Choice ids in ballot order, by id, for decoders. */
    public Map<String, Integer> choiceIndexMap() {
        var m = new HashMap<String, Integer>();
        for (int i = 0; i < choices.size(); i++) m.put(choices.get(i).id(), i);
        return m;
    }
}
