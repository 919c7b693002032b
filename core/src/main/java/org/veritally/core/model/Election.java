package org.veritally.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The event being counted: its contests and the names of the levels of its unit hierarchy (for
 * Venezuela: country, state, municipality, parish, centre). The catalogue of units and stations is
 * declared separately ({@link Catalogue}) because it is large. Immutable.
 *
 * @param id short stable identifier (for example {@code ve-2024})
 * @param name human-readable title
 * @param rootUnitId id of the unit at the top of the hierarchy (the whole election)
 * @param levels names of the hierarchy levels, top first; level 0 is the root
 * @param turnoutAllowance how many ballots cast a station may report above its registered voters
 *     before rule TS-REG rejects the sheet (some systems let poll workers and officials vote)
 * @param consensus when a station counts in the consensus view
 * @param keyCoolingOffHours how long after a key's revocation a new key of its source that no live key
 *     endorses starts to count (rule KEY-COOL, docs/accounts.md); 0 to 8760, default {@value
 *     #DEFAULT_KEY_COOLING_OFF_HOURS}
 * @param universe the whole election as its authority counts it, if declared (docs/coverage.md)
 * @param transcription how many transcriptions of a photo must agree among at most how many
 *     (docs/transcription.md); default 2 of 3
 */
public record Election(
        String id,
        String name,
        String rootUnitId,
        List<String> levels,
        List<Contest> contests,
        long turnoutAllowance,
        org.veritally.core.reconcile.ConsensusPolicy consensus,
        long keyCoolingOffHours,
        Optional<Universe> universe,
        TranscriptionPolicy transcription) {
    /** The cooling-off period when the definition sets none: a day, time for a party to see a revocation. */
    public static final long DEFAULT_KEY_COOLING_OFF_HOURS = 24;

    /** The longest cooling-off period a definition may set (a year). */
    public static final long MAX_KEY_COOLING_OFF_HOURS = 8760;

    public Election(
            String id,
            String name,
            String rootUnitId,
            List<String> levels,
            List<Contest> contests,
            long turnoutAllowance,
            org.veritally.core.reconcile.ConsensusPolicy consensus,
            long keyCoolingOffHours,
            Optional<Universe> universe) {
        this(
                id,
                name,
                rootUnitId,
                levels,
                contests,
                turnoutAllowance,
                consensus,
                keyCoolingOffHours,
                universe,
                TranscriptionPolicy.DEFAULT);
    }

    public Election(
            String id,
            String name,
            String rootUnitId,
            List<String> levels,
            List<Contest> contests,
            long turnoutAllowance,
            org.veritally.core.reconcile.ConsensusPolicy consensus) {
        this(id, name, rootUnitId, levels, contests, turnoutAllowance, consensus, DEFAULT_KEY_COOLING_OFF_HOURS);
    }

    public Election(
            String id,
            String name,
            String rootUnitId,
            List<String> levels,
            List<Contest> contests,
            long turnoutAllowance,
            org.veritally.core.reconcile.ConsensusPolicy consensus,
            long keyCoolingOffHours) {
        this(id, name, rootUnitId, levels, contests, turnoutAllowance, consensus, keyCoolingOffHours, Optional.empty());
    }

    public Election(
            String id,
            String name,
            String rootUnitId,
            List<String> levels,
            List<Contest> contests,
            long turnoutAllowance) {
        this(
                id,
                name,
                rootUnitId,
                levels,
                contests,
                turnoutAllowance,
                org.veritally.core.reconcile.ConsensusPolicy.DEFAULT);
    }

    public Election {
        if (consensus == null) throw new IllegalArgumentException("consensus policy is null");
        if (universe == null) throw new IllegalArgumentException("universe is null (use Optional.empty())");
        if (transcription == null) throw new IllegalArgumentException("transcription policy is null");
        if (universe.isPresent())
            for (Universe.Extent x : universe.get().units())
                if (x.unitId().equals(rootUnitId))
                    throw new IllegalArgumentException("universe: the root's figures are the top-level ones");
        Ids.require(id, "election id");
        Ids.require(rootUnitId, "root unit id");
        levels = List.copyOf(levels);
        contests = List.copyOf(contests);
        if (contests.isEmpty()) throw new IllegalArgumentException("election has no contests");
        if (levels.isEmpty()) throw new IllegalArgumentException("election has no unit levels");
        if (turnoutAllowance < 0) throw new IllegalArgumentException("turnoutAllowance < 0");
        if (keyCoolingOffHours < 0 || keyCoolingOffHours > MAX_KEY_COOLING_OFF_HOURS)
            throw new IllegalArgumentException(
                    "keyCoolingOffHours must be 0 to " + MAX_KEY_COOLING_OFF_HOURS + ", not " + keyCoolingOffHours);
        for (int i = 0; i < contests.size(); i++)
            for (int j = 0; j < i; j++)
                if (contests.get(i).id().equals(contests.get(j).id()))
                    throw new IllegalArgumentException(
                            "duplicate contest " + contests.get(i).id());
    }

    public Optional<Contest> contest(String contestId) {
        for (Contest c : contests) if (c.id().equals(contestId)) return Optional.of(c);
        return Optional.empty();
    }

    public int contestIndex(String contestId) {
        for (int i = 0; i < contests.size(); i++) if (contests.get(i).id().equals(contestId)) return i;
        return -1;
    }

    /** This election with {@code u} as its declared universe. */
    public Election withUniverse(Universe u) {
        return new Election(
                id,
                name,
                rootUnitId,
                levels,
                contests,
                turnoutAllowance,
                consensus,
                keyCoolingOffHours,
                Optional.of(u),
                transcription);
    }

    /** This election with {@code p} as its transcription policy. */
    public Election withTranscription(TranscriptionPolicy p) {
        return new Election(
                id, name, rootUnitId, levels, contests, turnoutAllowance, consensus, keyCoolingOffHours, universe, p);
    }
}
