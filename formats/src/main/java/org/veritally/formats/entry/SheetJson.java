package org.veritally.formats.entry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Correction;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonBytes;

/**
 * The canonical JSON of a tally-sheet entry (docs/log-format.md, "sheet"), written directly in RFC
 * 8785 member order without building a tree, because bulk import writes a million of them. Also
 * reads a sheet object (log entry or API body) back into a {@link TallySheet}, reporting every
 * problem. Immutable after construction and thread-safe.
 */
public final class SheetJson {
    private final Election election;
    private final int[][] sortedChoice;
    /** Each choice's member name as UTF-8 bytes, with its quotes and colon: {@code "C1":}. */
    private final byte[][][] choiceKey;

    public SheetJson(Election election) {
        this.election = election;
        int n = election.contests().size();
        sortedChoice = new int[n][];
        choiceKey = new byte[n][][];
        for (int c = 0; c < n; c++) {
            Contest contest = election.contests().get(c);
            int k = contest.choices().size();
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) order[i] = i;
            Arrays.sort(
                    order,
                    (a, b) -> contest.choices()
                            .get(a)
                            .id()
                            .compareTo(contest.choices().get(b).id()));
            sortedChoice[c] = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
            choiceKey[c] = new byte[k][];
            for (int i = 0; i < k; i++) {
                var sb = new StringBuilder();
                CanonicalJson.string(sb, contest.choices().get(i).id());
                choiceKey[c][i] = sb.append(':').toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static String show(Object v) {
        return v instanceof org.veritally.formats.canonical.JsonTree.BadNumber b ? b.text() : String.valueOf(v);
    }

    public Election election() {
        return election;
    }

    /** Contest {@code c}'s choices' member names ({@code "id":}, UTF-8) in member order (RFC 8785: by id). */
    byte[][] choiceKeysInMemberOrder(int c) {
        byte[][] out = new byte[sortedChoice[c].length][];
        for (int i = 0; i < out.length; i++) out[i] = choiceKey[c][sortedChoice[c][i]];
        return out;
    }

    /** Contest {@code c}'s choice indices in member order: member i is choice {@code choiceOrder(c)[i]}. */
    int[] choiceOrder(int c) {
        return sortedChoice[c].clone();
    }

    /** Canonical bytes of an unsigned entry. */
    public byte[] encode(TallySheet s) {
        return encode(s, Optional.empty(), Optional.empty());
    }

    /** Canonical bytes of a signed entry. */
    public byte[] encode(TallySheet s, org.veritally.core.entry.SheetSignature sig) {
        return encode(s, Optional.of(sig.signer()), Optional.of(sig.signature()));
    }

    /** The bytes an account signs: the canonical entry with {@code signer} and without {@code signature}. */
    public byte[] signedMessage(TallySheet s, String signer) {
        return encode(s, Optional.of(signer), Optional.empty());
    }

    /**
     * Whether {@code bytes} are exactly the canonical bytes of the entry ({@code signature} present for a signed
     * one), compared as they are written: the replay's check that an entry is canonical (LOG-CANON) without a copy.
     */
    boolean isEncodingOf(TallySheet s, Optional<org.veritally.core.entry.SheetSignature> signature, byte[] bytes) {
        JsonBytes out = new JsonBytes(bytes.length + 1);
        write(
                out,
                s,
                signature.map(org.veritally.core.entry.SheetSignature::signer),
                signature.map(org.veritally.core.entry.SheetSignature::signature));
        return out.contentEquals(bytes);
    }

    /**
     * Canonical bytes of the entry. Members, in RFC 8785 order: contest, counts, evidence?, kind, reason?,
     * signature?, signer?, source, station, supersedes?, v, votes.
     */
    byte[] encode(TallySheet s, Optional<String> signer, Optional<byte[]> signature) {
        JsonBytes out = new JsonBytes(96 + 16 * s.choiceCount());
        write(out, s, signer, signature);
        return out.toByteArray();
    }

    private void write(JsonBytes out, TallySheet s, Optional<String> signer, Optional<byte[]> signature) {
        int c = election.contestIndex(s.contestId());
        if (c < 0) throw new IllegalArgumentException("unknown contest " + s.contestId());
        out.raw("{\"contest\":").string(s.contestId());
        var k = s.counts();
        out.raw(",\"counts\":{");
        boolean first = true;
        if (k.ballotsCast() != SummaryCounts.ABSENT) {
            out.raw("\"ballots\":").number(k.ballotsCast());
            first = false;
        }
        if (k.blank() != SummaryCounts.ABSENT) {
            out.raw(first ? "\"blank\":" : ",\"blank\":").number(k.blank());
            first = false;
        }
        out.raw(first ? "\"null\":" : ",\"null\":").number(k.nulls());
        if (k.registered() != SummaryCounts.ABSENT) out.raw(",\"registered\":").number(k.registered());
        out.raw(",\"valid\":").number(k.valid()).raw('}');
        if (s.evidence().isPresent())
            out.raw(",\"evidence\":\"")
                    .raw(s.evidence().get().getBytes(StandardCharsets.UTF_8))
                    .raw('"');
        out.raw(",\"kind\":\"sheet\"");
        if (s.correction().isPresent())
            out.raw(",\"reason\":").string(s.correction().get().reason());
        if (signature.isPresent())
            out.raw(",\"signature\":\"")
                    .raw(java.util.Base64.getEncoder().encode(signature.get()))
                    .raw('"');
        if (signer.isPresent()) out.raw(",\"signer\":").string(signer.get());
        out.raw(",\"source\":").string(s.sourceId());
        out.raw(",\"station\":").string(s.stationId());
        if (s.correction().isPresent())
            out.raw(",\"supersedes\":").number(s.correction().get().supersedes());
        out.raw(",\"v\":1,\"votes\":{");
        int[] order = sortedChoice[c];
        byte[][] keys = choiceKey[c];
        for (int i = 0; i < order.length; i++) {
            if (i > 0) out.raw(',');
            out.raw(keys[order[i]]).number(s.vote(order[i]));
        }
        out.raw("}}");
    }

    /**
     * Reads a sheet object. In the log form {@code kind} and {@code v} are required; in the API form
     * ({@code apiForm}) they are absent and {@code source} may be given by the caller's account.
     */
    public Optional<TallySheet> decode(
            Fields f, boolean apiForm, Optional<String> sourceOverride, List<Problem> problems) {
        return decodeSigned(f, apiForm, sourceOverride, problems).map(org.veritally.core.entry.SheetEntry::sheet);
    }

    /** Reads a sheet with its optional {@code signer} and {@code signature} members. */
    public Optional<org.veritally.core.entry.SheetEntry> decodeSigned(
            Fields f, boolean apiForm, Optional<String> sourceOverride, List<Problem> problems) {
        Optional<org.veritally.core.entry.SheetSignature> sig = Optional.empty();
        if (f.has("signer") && !f.has("signature")) {
            f.str("signer");
            problems.add(new Problem(Rule.AUTH_SIG, f.path() + ".signature", "a signer without a signature"));
        } else if (f.has("signature")) {
            String signer = f.has("signer") ? f.str("signer") : "";
            String b64 = f.str("signature");
            try {
                sig = Optional.of(new org.veritally.core.entry.SheetSignature(
                        signer, java.util.Base64.getDecoder().decode(b64)));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.AUTH_SIG, f.path() + ".signature", "the signature is not base64"));
            }
        }
        var sheet = decodeSheet(f, apiForm, sourceOverride, problems);
        Optional<org.veritally.core.entry.SheetSignature> signature = sig;
        return sheet.map(s -> new org.veritally.core.entry.SheetEntry(s, signature));
    }

    private Optional<TallySheet> decodeSheet(
            Fields f, boolean apiForm, Optional<String> sourceOverride, List<Problem> problems) {
        int before = problems.size();
        if (!apiForm) {
            if (!"sheet".equals(f.str("kind")))
                problems.add(new Problem(Rule.IN_FIELD, f.path() + ".kind", "kind must be 'sheet'"));
            if (f.count("v") != 1)
                problems.add(new Problem(Rule.IN_FIELD, f.path() + ".v", "unsupported entry version"));
        }
        String station = f.str("station");
        String contestId = f.str("contest");
        String source = sourceOverride.isPresent() && !f.has("source") ? sourceOverride.get() : f.str("source");
        if (sourceOverride.isPresent() && !source.equals(sourceOverride.get())) {
            problems.add(new Problem(
                    Rule.TS_SOURCE,
                    f.path() + ".source",
                    "this account submits as source '" + sourceOverride.get() + "', not '" + source + "'"));
        }
        Fields counts = f.obj("counts");
        long ballots = counts.optCount("ballots", SummaryCounts.ABSENT);
        long blank = counts.optCount("blank", SummaryCounts.ABSENT);
        long nulls = counts.count("null");
        long registered = counts.optCount("registered", SummaryCounts.ABSENT);
        long valid = counts.count("valid");
        counts.end();
        Fields votesF = f.obj("votes");
        Map<String, Object> votesMap = votesF.raw();
        Optional<String> evidence = Optional.empty();
        if (f.has("evidence")) {
            String e = f.str("evidence");
            if (org.veritally.core.evidence.Blob.isSha256(e)) evidence = Optional.of(e);
            else
                problems.add(new Problem(
                        Rule.IN_FIELD, f.path() + ".evidence", "the SHA-256 of a photo, as 64 lower-case hex digits"));
        }
        Optional<Correction> correction = Optional.empty();
        if (f.has("supersedes") || f.has("reason")) {
            long sup = f.count("supersedes");
            String reason = f.str("reason");
            if (reason.isBlank())
                problems.add(
                        new Problem(Rule.TS_CORRECTION, f.path() + ".reason", "a correction needs a non-blank reason"));
            else correction = Optional.of(new Correction(sup, reason));
        }
        f.end();
        var contest = election.contest(contestId);
        long[] votes = new long[0];
        if (contest.isEmpty()) {
            if (problems.size() == before)
                problems.add(
                        new Problem(Rule.TS_CONTEST, f.path() + ".contest", "unknown contest '" + contestId + "'"));
        } else {
            Contest c = contest.get();
            votes = new long[c.choices().size()];
            var idx = c.choiceIndexMap();
            List<String> missing = new ArrayList<>();
            for (var e : votesMap.entrySet()) {
                Integer i = idx.get(e.getKey());
                String p = f.path() + ".votes." + e.getKey();
                if (i == null)
                    problems.add(
                            new Problem(Rule.TS_CHOICE, p, "unknown choice '" + e.getKey() + "' in contest " + c.id()));
                else if (!(e.getValue() instanceof Long n) || n < 0)
                    problems.add(new Problem(
                            Rule.IN_COUNT, p, "votes must be a non-negative integer, not " + show(e.getValue())));
                else votes[i] = n;
            }
            for (var ch : c.choices()) if (!votesMap.containsKey(ch.id())) missing.add(ch.id());
            if (!missing.isEmpty())
                problems.add(new Problem(Rule.TS_CHOICE, f.path() + ".votes", "missing choices " + missing));
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new TallySheet(
                station,
                contestId,
                source,
                new SummaryCounts(registered, ballots, valid, nulls, blank),
                votes,
                correction,
                evidence));
    }
}
