package org.veritally.formats.nist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link NistJsonScanner} keeps of a NIST JSON report: the ExternalIdentifiers of GpUnits,
 * parties and candidates (by {@code @id}), and per contest its selections' counts, its OtherCounts
 * and the per-contest BallotCounts. GpUnit references are interned to ints in order of first
 * appearance, so a count costs 12 bytes and the report's objects may come in any order. Mutable
 * while scanning, read-only afterwards; not thread-safe.
 */
final class NistScan {
    /** ExternalIdentifiers of an object: OtherType → value. */
    final Map<String, Map<String, String>> externalIds = new HashMap<>();

    final Map<String, Integer> gpRefs = new HashMap<>();
    final List<String> gpNames = new ArrayList<>();
    final List<ContestScan> contests = new ArrayList<>();
    final List<String> electionIds = new ArrayList<>();
    int elections;
    /** BallotCounts by OtherType: parallel gp refs and ballots. */
    final Map<String, Counts> ballots = new HashMap<>();

    int gp(String id) {
        Integer i = gpRefs.get(id);
        if (i != null) return i;
        gpRefs.put(id, gpNames.size());
        gpNames.add(id);
        return gpNames.size() - 1;
    }

    String external(String objectId, String otherType) {
        var m = externalIds.get(objectId);
        return m == null ? null : m.get(otherType);
    }

    static final class ContestScan {
        String id = "";
        final Map<String, String> externalIds = new HashMap<>();
        final List<SelectionScan> selections = new ArrayList<>();
        final Counts overvotes = new Counts();
        final Counts undervotes = new Counts();
    }

    static final class SelectionScan {
        String id = "";
        long sequenceOrder = -1;
        final List<String> candidateIds = new ArrayList<>();
        final List<String> partyIds = new ArrayList<>();
        final Counts counts = new Counts();
        /** Types other than {@code total} met, and how often. */
        final Map<String, Integer> otherTypes = new HashMap<>();
    }

    /** A growable list of (GpUnit ref, count). */
    static final class Counts {
        int size;
        int[] gp = new int[16];
        long[] value = new long[16];

        void add(int gpRef, long v) {
            if (size == gp.length) {
                gp = Arrays.copyOf(gp, size * 2);
                value = Arrays.copyOf(value, size * 2);
            }
            gp[size] = gpRef;
            value[size++] = v;
        }
    }
}
