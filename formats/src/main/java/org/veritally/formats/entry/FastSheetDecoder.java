package org.veritally.formats.entry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
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
 * The fast path for reading sheet entries: a streaming parse straight into a {@link TallySheet},
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

    FastSheetDecoder(Election election, SheetJson encoder) {
        this.election = election;
        this.encoder = encoder;
        for (Contest c : election.contests()) choices.put(c.id(), c.choiceIndexMap());
    }

    Optional<SheetEntry> decode(byte[] bytes) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            String station = null, contest = null, source = null, reason = null, signer = null, kind = null;
            byte[] signature = null;
            long supersedes = -1, v = -1;
            long registered = SummaryCounts.ABSENT,
                    ballots = SummaryCounts.ABSENT,
                    blank = SummaryCounts.ABSENT,
                    valid = -1,
                    nulls = -1;
            long[] votes = null;
            int seenVotes = 0;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "contest" -> contest = p.getText();
                    case "station" -> station = p.getText();
                    case "source" -> source = p.getText();
                    case "kind" -> kind = p.getText();
                    case "reason" -> reason = p.getText();
                    case "signer" -> signer = p.getText();
                    case "signature" -> signature = Base64.getDecoder().decode(p.getText());
                    case "v" -> v = p.getLongValue();
                    case "supersedes" -> supersedes = p.getLongValue();
                    case "counts" -> {
                        if (value != JsonToken.START_OBJECT) return Optional.empty();
                        for (JsonToken c = p.nextToken(); c == JsonToken.FIELD_NAME; c = p.nextToken()) {
                            String k = p.currentName();
                            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) return Optional.empty();
                            long n = p.getLongValue();
                            switch (k) {
                                case "registered" -> registered = n;
                                case "ballots" -> ballots = n;
                                case "blank" -> blank = n;
                                case "valid" -> valid = n;
                                case "null" -> nulls = n;
                                default -> {
                                    return Optional.empty();
                                }
                            }
                        }
                    }
                    case "votes" -> {
                        Map<String, Integer> idx = contest == null ? null : choices.get(contest);
                        if (value != JsonToken.START_OBJECT || idx == null) return Optional.empty();
                        votes = new long[idx.size()];
                        for (JsonToken c = p.nextToken(); c == JsonToken.FIELD_NAME; c = p.nextToken()) {
                            Integer i = idx.get(p.currentName());
                            if (i == null || p.nextToken() != JsonToken.VALUE_NUMBER_INT) return Optional.empty();
                            votes[i] = p.getLongValue();
                            seenVotes++;
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (p.nextToken() != null
                    || !"sheet".equals(kind)
                    || v != 1
                    || station == null
                    || source == null
                    || votes == null
                    || seenVotes != votes.length
                    || valid < 0
                    || nulls < 0
                    || registered < SummaryCounts.ABSENT
                    || ballots < SummaryCounts.ABSENT
                    || blank < SummaryCounts.ABSENT
                    || (reason == null) != (supersedes < 0)
                    || (signer == null) != (signature == null)) {
                return Optional.empty();
            }
            for (long x : votes) if (x < 0 || x > CanonicalJson.MAX_SAFE) return Optional.empty();
            // integers beyond 2^53 - 1 are out of the profile (IN-COUNT): the strict reader reports them
            for (long x : new long[] {registered, ballots, blank, valid, nulls, supersedes})
                if (x > CanonicalJson.MAX_SAFE) return Optional.empty();
            Optional<Correction> corr =
                    reason == null ? Optional.empty() : Optional.of(new Correction(supersedes, reason));
            TallySheet s = new TallySheet(
                    station, contest, source, new SummaryCounts(registered, ballots, valid, nulls, blank), votes, corr);
            Optional<SheetSignature> sig =
                    signer == null ? Optional.empty() : Optional.of(new SheetSignature(signer, signature));
            byte[] again = sig.isPresent() ? encoder.encode(s, sig.get()) : encoder.encode(s);
            return Arrays.equals(again, bytes) ? Optional.of(new SheetEntry(s, sig)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Election election() {
        return election;
    }
}
