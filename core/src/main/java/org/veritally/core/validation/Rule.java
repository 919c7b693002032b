package org.veritally.core.validation;

/**
 * Every validation rule, with the stable ID used in code, error messages, docs
 * (docs/validation.md) and test names. IDs never change meaning; retired rules are not reused.
 */
public enum Rule implements RuleId {
    // --- input syntax (formats) ---
    IN_SYNTAX("IN-SYNTAX", Severity.ERROR, "the input is not well-formed (JSON, CSV or payload syntax)"),
    IN_FIELD("IN-FIELD", Severity.ERROR, "a required field is missing, or an unknown field is present"),
    IN_COUNT("IN-COUNT", Severity.ERROR, "a count is negative, not an integer, or out of range"),
    IN_ID("IN-ID", Severity.ERROR, "an identifier is malformed"),
    IN_MAX("IN-MAX", Severity.ERROR, "a count is above the documented maximum, 10^10 (Bounds.MAX_COUNT)"),
    IN_TEXT("IN-TEXT", Severity.ERROR, "a text field holds a control character or a bidi override or isolate"),
    IN_TIME("IN-TIME", Severity.ERROR, "a time is not a strict ISO 8601 date, local date-time or offset date-time"),
    // --- election definition and catalogue ---
    EL_DEF("EL-DEF", Severity.ERROR, "the election definition is inconsistent"),
    EL_REDEFINE("EL-REDEFINE", Severity.ERROR, "a different election is already defined in this data directory"),
    CAT_UNIT("CAT-UNIT", Severity.ERROR, "a unit is duplicated, or its parent is unknown"),
    CAT_STATION("CAT-STATION", Severity.ERROR, "a station is duplicated, or its unit is unknown"),
    CAT_UNIVERSE(
            "CAT-UNIVERSE",
            Severity.ERROR,
            "the catalogue would hold more stations or registered voters below a unit than the election's "
                    + "declared universe for it"),
    SRC_KIND(
            "SRC-KIND",
            Severity.ERROR,
            "a source is redeclared with another kind, or a second authority source is declared"),
    // --- tally sheets ---
    TS_STATION("TS-STATION", Severity.ERROR, "the station is not in the catalogue"),
    TS_CONTEST("TS-CONTEST", Severity.ERROR, "the contest is not in the election"),
    TS_CHOICE("TS-CHOICE", Severity.ERROR, "a choice is not in the contest, or a choice of the contest is missing"),
    TS_SOURCE("TS-SOURCE", Severity.ERROR, "the source is unknown or not allowed"),
    TS_SUM("TS-SUM", Severity.ERROR, "the choice votes do not add up to the valid votes"),
    TS_BALLOTS("TS-BALLOTS", Severity.ERROR, "valid + null (+ blank) differs from the ballots cast"),
    TS_REG("TS-REG", Severity.ERROR, "more ballots cast than registered voters (plus the election's allowance)"),
    TS_DUP_ROW("TS-DUP-ROW", Severity.ERROR, "a second row for the same station, contest and source in one input"),
    TS_CONFLICT(
            "TS-CONFLICT",
            Severity.ERROR,
            "a different sheet from the same source for the same station and contest, not marked as a correction"),
    TS_CORRECTION(
            "TS-CORRECTION",
            Severity.ERROR,
            "a correction names a sheet that is not the source's current sheet for that station and contest"),
    AN_CONTEST("AN-CONTEST", Severity.ERROR, "an announcement names a contest that is not in the election"),
    AN_CANDIDATE("AN-CANDIDATE", Severity.ERROR, "an announcement names a candidate that is not in its contest"),
    AN_DUP("AN-DUP", Severity.ERROR, "an announcement id is already in the log with other figures"),
    // --- evidence (photos and scans of sheets; docs/evidence.md) ---
    EV_STATION("EV-STATION", Severity.ERROR, "evidence names a station that is not in the catalogue"),
    EV_CONTEST("EV-CONTEST", Severity.ERROR, "evidence names a contest that is not in the election"),
    EV_SOURCE("EV-SOURCE", Severity.ERROR, "evidence names a source that is not declared"),
    EV_DUP(
            "EV-DUP",
            Severity.ERROR,
            "the same bytes are already filed for the same station by the same source, with other details"),
    EV_SAME("EV-SAME", Severity.FLAG, "the same bytes are already filed as evidence for another station"),
    EV_CITE("EV-CITE", Severity.ERROR, "a sheet cites a photo that is not filed as evidence for its station"),
    // --- signatures ---
    AUTH_SIG(
            "AUTH-SIG",
            Severity.ERROR,
            "a sheet's signature is missing where its source signs, names a signer with no key of that "
                    + "source, or does not verify"),
    // --- the log's order ---
    LOG_DECODE("LOG-DECODE", Severity.ERROR, "a log entry does not decode, or breaks its kind's schema"),
    LOG_CANON("LOG-CANON", Severity.ERROR, "a log entry's bytes are not the canonical encoding of what they decode to"),
    LOG_ORDER("LOG-ORDER", Severity.ERROR, "the election is not entry 0, or an entry comes before it"),
    LOG_REPEAT(
            "LOG-REPEAT",
            Severity.ERROR,
            "the same sheet or announcement again, which intake answers idempotently and never appends"),
    LOG_SIZE(
            "LOG-SIZE",
            Severity.ERROR,
            "an entry's canonical encoding is longer than 65,535 bytes, the most a tlog-tiles entry bundle holds"),
    // --- accounts ---
    KEY_ACCOUNT(
            "KEY-ACCOUNT",
            Severity.ERROR,
            "a key registration names an account that does not exist, or a source other than the account's"),
    KEY_FORMAT("KEY-FORMAT", Severity.ERROR, "a key registration does not carry a C2SP signed-note verifier key"),
    KEY_SOURCE("KEY-SOURCE", Severity.ERROR, "a key registration names a source that is not declared"),
    TS_FLAG_TURNOUT("TS-FLAG-TURNOUT", Severity.FLAG, "turnout above 95% of registered voters"),
    TS_FLAG_UNANIMOUS("TS-FLAG-UNANIMOUS", Severity.FLAG, "one choice has all the valid votes"),
    TS_FLAG_ZERO("TS-FLAG-ZERO", Severity.FLAG, "every count on the sheet is zero");

    private final String id;
    private final Severity severity;
    private final String description;

    Rule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    /**
     * The rule with ID {@code id}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public static Rule ofId(String id) {
        for (Rule r : values()) if (r.id.equals(id)) return r;
        throw new IllegalArgumentException("no rule " + id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String description() {
        return description;
    }
}
