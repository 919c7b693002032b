package org.veritally.formats.nist;

/**
 * The {@code @id} (XML {@code ObjectId}, an xsd:ID) of every object in a report, and the
 * ExternalIdentifier types that carry Veritally's own ids. Veritally ids may hold {@code :}, which an
 * XML ID may not, so each id part is escaped ({@code _} → {@code __}, {@code :} → {@code _c}) and
 * parts are joined with {@code _-}, which no escaped part contains; every @id is therefore distinct
 * for distinct objects. Importers match on the ExternalIdentifiers, never by decoding an @id.
 * Stateless.
 */
public final class NistIds {
    /** ExternalIdentifier {@code OtherType}s (with {@code Type} {@code other}); the value is the Veritally id. */
    public static final String ELECTION = "veritally-election";

    public static final String UNIT = "veritally-unit";
    public static final String STATION = "veritally-station";
    public static final String CONTEST = "veritally-contest";
    public static final String CANDIDATE = "veritally-candidate";
    public static final String CHOICE = "veritally-choice";
    public static final String VIEW = "veritally-view";
    public static final String LOG_SIZE = "veritally-log-size";
    /** {@code BallotCounts.OtherType} prefix: the ballots cast on the sheets of one contest. */
    public static final String BALLOTS_OF = "veritally-contest:";

    private NistIds() {}

    public static String unit(String id) {
        return "unit-" + esc(id);
    }

    public static String station(String id) {
        return "station-" + esc(id);
    }

    public static String contest(String id) {
        return "contest-" + esc(id);
    }

    public static String candidate(String contest, String candidate) {
        return "candidate-" + esc(contest) + "_-" + esc(candidate);
    }

    public static String selection(String contest, String choice) {
        return "selection-" + esc(contest) + "_-" + esc(choice);
    }

    /** The Party standing for a ballot line (docs/open-data.md: one Party per line). */
    public static String party(String contest, String choice) {
        return "party-" + esc(contest) + "_-" + esc(choice);
    }

    static String esc(String id) {
        if (id.indexOf('_') < 0 && id.indexOf(':') < 0) return id;
        return id.replace("_", "__").replace(":", "_c");
    }
}
