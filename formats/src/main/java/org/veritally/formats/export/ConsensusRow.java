package org.veritally.formats.export;

import java.util.Optional;
import org.veritally.core.model.Station;
import org.veritally.core.reconcile.StationStatus;

/**
 * One station × contest of the catalogue in the consensus view: its reconciliation status
 * ({@code missing} when no source has a copy) and, when the station counts, the copy counted.
 * Immutable.
 */
public record ConsensusRow(Station station, String contestId, StationStatus status, Optional<StationSheet> counted) {}
