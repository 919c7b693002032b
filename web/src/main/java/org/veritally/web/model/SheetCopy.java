package org.veritally.web.model;

/** One source's copy of a sheet, as a column header: who sent it and where it sits in the log. */
public record SheetCopy(String sourceId, String sourceName, String kind, long logIndex) {}
