package org.veritally.web.model;

import org.veritally.core.reconcile.StationStatus;

/** A station in its unit's list: registered voters, how many copies are in, and their status. */
public record StationRow(String stationId, String name, long registered, int copies, StationStatus status) {}
