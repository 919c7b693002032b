package org.veritally.web.model;

/** How much of a unit has reported in one view: stations and registered voters, in and total. */
public record Coverage(long stationsReporting, long stationsTotal, long registeredReporting, long registeredTotal) {}
