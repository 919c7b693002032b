package org.veritally.web.model;

/** What every page says about the election: its name, root unit and catalogue size, and the log's size. */
public record ElectionInfo(String id, String name, String rootUnitId, long stations, long units, long logSize) {}
