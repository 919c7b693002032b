package org.veritally.core.validation;

/**
 * Read errors: a query names something that does not exist or is malformed (HTTP 404 or 400, CLI exit
 * 2). In core, beside {@link Rule}, because both the server's reads and the exports of {@code formats}
 * resolve views ({@code RD-VIEW}).
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum ReadRule implements RuleId {
    /** No election is defined yet. */
    RD_ELECTION("RD-ELECTION", "no election is defined yet"),
    /** The unit is not in the catalogue. */
    RD_UNIT("RD-UNIT", "the unit is not in the catalogue"),
    /** The contest is not in the election. */
    RD_CONTEST("RD-CONTEST", "the contest is not in the election"),
    /** The view names no declared source, or is official and no authority source is declared. */
    RD_VIEW("RD-VIEW", "the view names no declared source, or is official and no authority source is declared"),
    /** The station is not in the catalogue. */
    RD_STATION("RD-STATION", "the station is not in the catalogue"),
    /** No resource at this path. */
    RD_PATH("RD-PATH", "no resource at this path"),
    /** A query parameter is malformed or out of range. */
    RD_PARAM("RD-PARAM", "a query parameter is malformed or out of range"),
    /** A log size asked for (as of, diff) is not a whole number from 1 to the log's size. */
    RD_AT("RD-AT", "the log size asked for is not one the log has had");

    private final String id;
    private final String description;

    ReadRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the request or the publication. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return description;
    }

    /** The ID, as messages print it. */
    @Override
    public String toString() {
        return id;
    }
}
