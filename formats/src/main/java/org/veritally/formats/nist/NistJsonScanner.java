package org.veritally.formats.nist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;

/**
 * Streams a NIST SP 1500-100 v2 JSON report into a {@link NistScan}, keeping only what the import
 * needs (identifiers and counts) and skipping every other member. Objects may appear in any order.
 * A syntax error or a malformed count is reported with its line and column (IN-SYNTAX, IN-COUNT).
 * Stateless apart from the scan it fills.
 */
final class NistJsonScanner {
    private final JsonParser p;
    private final String file;
    private final NistScan scan = new NistScan();
    private final List<Problem> problems;

    private NistJsonScanner(JsonParser p, String file, List<Problem> problems) {
        this.p = p;
        this.file = file;
        this.problems = problems;
    }

    /** The scan, or null after a syntax problem (added to {@code problems}). */
    static NistScan scan(InputStream in, String file, List<Problem> problems) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(in)) {
            var s = new NistJsonScanner(p, file, problems);
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    problems.add(new Problem(Rule.IN_SYNTAX, file + ":1", "not a JSON object (an ElectionReport)"));
                    return null;
                }
                s.report();
                return s.scan;
            } catch (JsonParseException e) {
                var loc = e.getLocation();
                problems.add(new Problem(
                        Rule.IN_SYNTAX,
                        file + ":" + (loc == null ? 0 : loc.getLineNr()) + ":" + (loc == null ? 0 : loc.getColumnNr()),
                        org.veritally.formats.canonical.JsonTree.reason(e.getOriginalMessage())));
                return null;
            }
        }
    }

    private void report() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "GpUnit", "Party" -> array(this::identified);
                case "Election" -> array(this::election);
                default -> p.skipChildren();
            }
        }
    }

    private interface Item {
        void read() throws IOException;
    }

    /** Reads an array of objects (the current token is its start). */
    private void array(Item item) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) item.read();
    }

    /** An object with an @id and ExternalIdentifiers (GpUnit, Party, Candidate). */
    private void identified() throws IOException {
        String id = null;
        Map<String, String> ext = new HashMap<>(2);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "@id" -> id = p.getValueAsString();
                case "ExternalIdentifier" -> externalIds(ext);
                default -> p.skipChildren();
            }
        }
        if (id != null && !ext.isEmpty()) scan.externalIds.put(id, ext);
    }

    private void externalIds(Map<String, String> into) throws IOException {
        array(() -> {
            String type = null;
            String value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "OtherType" -> type = p.getValueAsString();
                    case "Value" -> value = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            if (type != null && value != null) into.put(type, value);
        });
    }

    private void election() throws IOException {
        scan.elections++;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "Candidate" -> array(this::identified);
                case "Contest" -> array(this::contest);
                case "BallotCounts" -> array(this::ballotCounts);
                case "ExternalIdentifier" -> {
                    Map<String, String> ext = new HashMap<>();
                    externalIds(ext);
                    if (ext.containsKey(NistIds.ELECTION)) scan.electionIds.add(ext.get(NistIds.ELECTION));
                }
                default -> p.skipChildren();
            }
        }
    }

    private void ballotCounts() throws IOException {
        String gp = null;
        String otherType = "";
        long ballots = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "GpUnitId" -> gp = p.getValueAsString();
                case "OtherType" -> otherType = p.getValueAsString();
                case "BallotsCast" -> ballots = count("BallotsCast");
                default -> p.skipChildren();
            }
        }
        if (gp != null && ballots >= 0)
            scan.ballots.computeIfAbsent(otherType, k -> new NistScan.Counts()).add(scan.gp(gp), ballots);
    }

    private void contest() throws IOException {
        var c = new NistScan.ContestScan();
        scan.contests.add(c);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "@id" -> c.id = p.getValueAsString();
                case "ExternalIdentifier" -> externalIds(c.externalIds);
                case "ContestSelection" -> array(() -> selection(c));
                case "OtherCounts" -> array(() -> otherCounts(c));
                default -> p.skipChildren();
            }
        }
    }

    private void selection(NistScan.ContestScan c) throws IOException {
        var s = new NistScan.SelectionScan();
        c.selections.add(s);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "@id" -> s.id = p.getValueAsString();
                case "SequenceOrder" -> s.sequenceOrder = p.getValueAsLong(-1);
                case "CandidateIds" -> strings(s.candidateIds);
                case "EndorsementPartyIds", "PartyIds" -> strings(s.partyIds);
                case "VoteCounts" -> array(() -> voteCounts(s));
                default -> p.skipChildren();
            }
        }
    }

    private void strings(List<String> into) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.VALUE_STRING) into.add(p.getText());
    }

    private void voteCounts(NistScan.SelectionScan s) throws IOException {
        String gp = null;
        String type = null;
        long count = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "GpUnitId" -> gp = p.getValueAsString();
                case "Type" -> type = p.getValueAsString();
                case "Count" -> count = count("Count");
                default -> p.skipChildren();
            }
        }
        if (gp == null || count < 0) return;
        if (!"total".equals(type)) {
            s.otherTypes.merge(String.valueOf(type), 1, Integer::sum);
            return;
        }
        s.counts.add(scan.gp(gp), count);
    }

    private void otherCounts(NistScan.ContestScan c) throws IOException {
        String gp = null;
        long over = -1;
        long under = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "GpUnitId" -> gp = p.getValueAsString();
                case "Overvotes" -> over = count("Overvotes");
                case "Undervotes" -> under = count("Undervotes");
                default -> p.skipChildren();
            }
        }
        if (gp == null) return;
        int ref = scan.gp(gp);
        if (over >= 0) c.overvotes.add(ref, over);
        if (under >= 0) c.undervotes.add(ref, under);
    }

    /** A non-negative integral count (JSON numbers like {@code 12.0} are accepted), or -1 after a problem. */
    private long count(String field) throws IOException {
        JsonToken t = p.currentToken();
        long v = -1;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            v = p.getLongValue();
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (d == Math.rint(d) && d < 1e15) v = (long) d;
        }
        if (v < 0 || v > 999_999_999_999_999L) {
            var loc = p.currentLocation();
            problems.add(new Problem(
                    Rule.IN_COUNT,
                    file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + " " + field,
                    "not a non-negative integer count: " + p.getText()));
            return -1;
        }
        return v;
    }
}
