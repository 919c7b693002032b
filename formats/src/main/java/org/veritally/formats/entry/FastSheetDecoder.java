package org.veritally.formats.entry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Correction;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.canonical.CanonicalJson;

/**
 * The fast path for reading sheet entries: a scan of the canonical bytes ({@link CanonicalSheetScan}), else a
 * streaming parse (Jackson), straight into a {@link TallySheet},
 * accepted only if re-encoding it gives back exactly the input bytes (so the entry was canonical
 * and complete). Anything else returns empty, and the caller falls back to the strict tree reader,
 * which explains what is wrong. Replaying a million entries this way builds no JSON trees.
 * Immutable after construction; thread-safe.
 */
final class FastSheetDecoder {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final Election election;
    private final SheetJson encoder;
    private final Map<String, Map<String, Integer>> choices = new HashMap<>();
    /** For {@link CanonicalSheetScan}: the contests' ids, and each contest's choices' member names in member order. */
    private final String[] contestIds;

    private final byte[][][] choiceKeys;

    private final int[][] choiceOrder;

    FastSheetDecoder(Election election, SheetJson encoder) {
        this.election = election;
        this.encoder = encoder;
        for (Contest c : election.contests()) choices.put(c.id(), c.choiceIndexMap());
        contestIds = election.contests().stream().map(Contest::id).toArray(String[]::new);
        choiceKeys = new byte[contestIds.length][][];
        choiceOrder = new int[contestIds.length][];
        for (int c = 0; c < contestIds.length; c++) {
            choiceKeys[c] = encoder.choiceKeysInMemberOrder(c);
            choiceOrder[c] = encoder.choiceOrder(c);
        }
    }

    Optional<SheetEntry> decode(byte[] bytes) {
        Parts scanned = new Parts();
        if (new CanonicalSheetScan(bytes, contestIds, choiceKeys, choiceOrder).into(scanned))
            return accept(scanned, bytes);
        return decodeWithJackson(bytes);
    }

    /** The scan alone, without the streaming parser behind it: for tests that must know which path read a sheet. */
    Optional<SheetEntry> decodeByScan(byte[] bytes) {
        Parts scanned = new Parts();
        return new CanonicalSheetScan(bytes, contestIds, choiceKeys, choiceOrder).into(scanned)
                ? accept(scanned, bytes)
                : Optional.empty();
    }

    /** A sheet's members as read, before the checks that every path applies ({@link #accept}). */
    static final class Parts {
        String station, contest, source, reason, signer, kind;
        byte[] signature;
        long supersedes = -1, v = -1;
        long registered = SummaryCounts.ABSENT, ballots = SummaryCounts.ABSENT, blank = SummaryCounts.ABSENT;
        long valid = -1, nulls = -1;
        long[] votes;
        int seenVotes;
    }

    private Optional<SheetEntry> decodeWithJackson(byte[] bytes) {
        Parts x = new Parts();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "contest" -> x.contest = p.getText();
                    case "station" -> x.station = p.getText();
                    case "source" -> x.source = p.getText();
                    case "kind" -> x.kind = p.getText();
                    case "reason" -> x.reason = p.getText();
                    case "signer" -> x.signer = p.getText();
                    case "signature" -> x.signature = Base64.getDecoder().decode(p.getText());
                    case "v" -> x.v = p.getLongValue();
                    case "supersedes" -> x.supersedes = p.getLongValue();
                    case "counts" -> {
                        if (value != JsonToken.START_OBJECT) return Optional.empty();
                        for (JsonToken c = p.nextToken(); c == JsonToken.FIELD_NAME; c = p.nextToken()) {
                            String k = p.currentName();
                            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) return Optional.empty();
                            long n = p.getLongValue();
                            switch (k) {
                                case "registered" -> x.registered = n;
                                case "ballots" -> x.ballots = n;
                                case "blank" -> x.blank = n;
                                case "valid" -> x.valid = n;
                                case "null" -> x.nulls = n;
                                default -> {
                                    return Optional.empty();
                                }
                            }
                        }
                    }
                    case "votes" -> {
                        Map<String, Integer> idx = x.contest == null ? null : choices.get(x.contest);
                        if (value != JsonToken.START_OBJECT || idx == null) return Optional.empty();
                        x.votes = new long[idx.size()];
                        for (JsonToken c = p.nextToken(); c == JsonToken.FIELD_NAME; c = p.nextToken()) {
                            Integer i = idx.get(p.currentName());
                            if (i == null || p.nextToken() != JsonToken.VALUE_NUMBER_INT) return Optional.empty();
                            x.votes[i] = p.getLongValue();
                            x.seenVotes++;
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (p.nextToken() != null) return Optional.empty();
            return accept(x, bytes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The sheet read by either path, if it is complete and within the profile and re-encoding it gives back exactly
     * {@code bytes}: the one check that makes a fast path safe, whatever it accepted.
     */
    private Optional<SheetEntry> accept(Parts x, byte[] bytes) {
        try {
            if (!"sheet".equals(x.kind)
                    || x.v != 1
                    || x.station == null
                    || x.source == null
                    || x.votes == null
                    || x.seenVotes != x.votes.length
                    || x.valid < 0
                    || x.nulls < 0
                    || x.registered < SummaryCounts.ABSENT
                    || x.ballots < SummaryCounts.ABSENT
                    || x.blank < SummaryCounts.ABSENT
                    || (x.reason == null) != (x.supersedes < 0)
                    || (x.signer == null) != (x.signature == null)) {
                return Optional.empty();
            }
            for (long n : x.votes) if (n < 0 || n > CanonicalJson.MAX_SAFE) return Optional.empty();
            // integers beyond 2^53 - 1 are out of the profile (IN-COUNT): the strict reader reports them
            for (long n : new long[] {x.registered, x.ballots, x.blank, x.valid, x.nulls, x.supersedes})
                if (n > CanonicalJson.MAX_SAFE) return Optional.empty();
            Optional<Correction> corr =
                    x.reason == null ? Optional.empty() : Optional.of(new Correction(x.supersedes, x.reason));
            TallySheet s = new TallySheet(
                    x.station,
                    x.contest,
                    x.source,
                    new SummaryCounts(x.registered, x.ballots, x.valid, x.nulls, x.blank),
                    x.votes,
                    corr);
            Optional<SheetSignature> sig =
                    x.signer == null ? Optional.empty() : Optional.of(new SheetSignature(x.signer, x.signature));
            return encoder.isEncodingOf(s, sig, bytes) ? Optional.of(new SheetEntry(s, sig)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    Election election() {
        return election;
    }
}
